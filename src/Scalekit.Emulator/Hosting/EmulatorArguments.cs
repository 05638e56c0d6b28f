namespace Scalekit.Emulator;

/// <summary>The emulator's command-line shorthands, turned into configuration keys.</summary>
internal static class EmulatorArguments
{
    /// <summary><c>--database PATH</c> (or <c>--database=PATH</c>) becomes <c>--Emulator:Database=PATH</c>; everything else stays.</summary>
    public static string[] Normalize(IReadOnlyList<string> arguments)
    {
        var normalized = new List<string>(arguments.Count);
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (argument.StartsWith("--database=", StringComparison.Ordinal))
            {
                normalized.Add("--Emulator:Database=" + argument["--database=".Length..]);
            }
            else if (argument == "--database" && i + 1 < arguments.Count)
            {
                normalized.Add("--Emulator:Database=" + arguments[++i]);
            }
            else
            {
                normalized.Add(argument);
            }
        }

        return [.. normalized];
    }
}
