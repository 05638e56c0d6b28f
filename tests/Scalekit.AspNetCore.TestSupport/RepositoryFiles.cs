namespace Scalekit.AspNetCore.Tests.Framework;

/// <summary>Files of the repository the tests read: docs whose examples must stay equal to code that compiles.</summary>
public static class RepositoryFiles
{
    /// <summary>The folder of Scalekit.AspNetCore.sln, above the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The text of <paramref name="relativePath"/> (segments below the root).</summary>
    public static string Read(params string[] relativePath) => File.ReadAllText(Path.Combine([Root, .. relativePath]));

    /// <summary>The first <c>```csharp</c> block after <paramref name="heading"/> in the Markdown text <paramref name="markdown"/>.</summary>
    public static string FirstCSharpBlockAfter(string markdown, string heading)
    {
        var section = markdown[markdown.IndexOf(heading, StringComparison.Ordinal)..];
        var start = section.IndexOf("```csharp\n", StringComparison.Ordinal) + "```csharp\n".Length;
        return section[start..section.IndexOf("```\n", start, StringComparison.Ordinal)];
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Scalekit.AspNetCore.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Scalekit.AspNetCore.sln above {AppContext.BaseDirectory}.");
    }
}
