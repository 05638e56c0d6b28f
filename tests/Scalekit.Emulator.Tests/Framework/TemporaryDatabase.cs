namespace Scalekit.Emulator.Tests.Framework;

/// <summary>A SQLite file path in a fresh temporary folder, which is deleted with everything in it on dispose.</summary>
public sealed class TemporaryDatabase : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("scalekit-emulator-tests-").FullName;

    public string Path => System.IO.Path.Combine(_folder, "emulator.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
