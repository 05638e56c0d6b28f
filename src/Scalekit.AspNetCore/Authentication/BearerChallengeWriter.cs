using System.Text;

namespace Scalekit.AspNetCore;

/// <summary>Formats <c>WWW-Authenticate: Bearer …</c> values (RFC 6750 §3).</summary>
internal static class BearerChallengeWriter
{
    public const string Scheme = "Bearer";
    public const string InvalidToken = "invalid_token";
    public const string InsufficientScope = "insufficient_scope";

    public static string Format(string? error, string? description = null, string? errorUri = null, string? scope = null)
    {
        if (string.IsNullOrEmpty(error) && string.IsNullOrEmpty(description) && string.IsNullOrEmpty(errorUri) && string.IsNullOrEmpty(scope))
        {
            return Scheme;
        }

        var builder = new StringBuilder(Scheme);
        var first = true;
        Append(builder, "error", error, ref first);
        Append(builder, "error_description", description, ref first);
        Append(builder, "error_uri", errorUri, ref first);
        Append(builder, "scope", scope, ref first);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, string name, string? value, ref bool first)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        builder.Append(first ? " " : ", ").Append(name).Append("=\"");
        foreach (var c in value)
        {
            // Quoted-string: escape quotes and backslashes, and drop anything a header cannot carry.
            if (c is '"' or '\\')
            {
                builder.Append('\\');
            }

            builder.Append(c is < ' ' or > '~' ? '?' : c);
        }

        builder.Append('"');
        first = false;
    }
}
