using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Scalekit.AspNetCore.Tests.Framework;

/// <summary>
/// A private <c>redis-server</c> on a free loopback port, without persistence, for the tests of one class. It is
/// started from the Debian package's binary (<c>.ci/run</c> installs it); see <see cref="RedisFactAttribute"/> for
/// what happens when it is missing.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private Process? _process;

    public static string? Binary { get; } = FindBinary();

    /// <summary>A StackExchange.Redis configuration string, such as <c>127.0.0.1:41234</c>.</summary>
    public string Configuration { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (Binary is null)
        {
            throw new InvalidOperationException(RedisFactAttribute.MissingMessage);
        }

        var port = FreePort();
        var start = new ProcessStartInfo(Binary)
        {
            ArgumentList = { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");

        // Ready when it says so; if it exits first (port taken, bad flag), its output is the error.
        string? line;
        while ((line = await _process.StandardOutput.ReadLineAsync()) is not null)
        {
            if (line.Contains("Ready to accept connections", StringComparison.Ordinal))
            {
                Configuration = $"127.0.0.1:{port}";
                _ = _process.StandardOutput.ReadToEndAsync();
                return;
            }
        }

        throw new InvalidOperationException($"redis-server exited before it was ready: {await _process.StandardError.ReadToEndAsync()}");
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindBinary() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Append("/usr/bin").Append("/usr/sbin")
            .Select(dir => Path.Combine(dir, "redis-server"))
            .FirstOrDefault(File.Exists);
}

/// <summary>
/// A fact that needs <c>redis-server</c>. Without the binary it is skipped with how to install it, except under CI
/// (<c>CI=true</c>), where it runs and fails: CI must not go green without the shared-cache tests.
/// </summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public const string MissingMessage = "redis-server is not installed: apt-get install redis-server (CI installs it in .ci/run).";

    public RedisFactAttribute()
    {
        if (RedisServer.Binary is null && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = MissingMessage;
        }
    }
}
