using System.Buffers;

namespace Scalekit.AspNetCore;

/// <summary>
/// Tells an API key from an access token, and refuses, without asking Scalekit, a value that cannot be a key. A bearer
/// value with a dot is read as a JWT (a compact JWS is three dot-separated base64url parts; one with more parts is
/// refused by <see cref="AccessTokenReader"/> as before); a value without one is an API key. A key is a
/// <c>b64token</c> of RFC 6750 §2.1 without dots, of <see cref="MinLength"/> to <see cref="MaxLength"/> characters,
/// and not an API key's id (<c>apit_…</c>, which Scalekit's validation would accept but which is listed, not secret).
/// </summary>
internal static class ApiKeyShape
{
    /// <summary>The shortest value taken for a key: Scalekit's keys are far longer (the emulator's have 49 characters).</summary>
    public const int MinLength = 20;

    /// <summary>The longest value taken for a key.</summary>
    public const int MaxLength = 512;

    private static readonly SearchValues<char> KeyCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_~+/=");

    /// <summary>Whether <paramref name="bearer"/> is to be checked as an API key: it has no dot. A cheap scan, no allocation.</summary>
    public static bool IsApiKey(ReadOnlySpan<char> bearer) => !bearer.Contains('.');

    /// <summary>Why <paramref name="key"/> cannot be an API key, or <see langword="null"/> when it may be one.</summary>
    public static string? Problem(ReadOnlySpan<char> key)
    {
        if (key.Length < MinLength || key.Length > MaxLength)
        {
            return $"it has {key.Length} characters; an API key has {MinLength} to {MaxLength}";
        }

        if (key.ContainsAnyExcept(KeyCharacters))
        {
            return "it has characters an API key does not have";
        }

        var padding = key.IndexOf('=');
        if (padding == 0 || (padding > 0 && key[padding..].ContainsAnyExcept('=')))
        {
            return "'=' appears other than at its end";
        }

        return key.StartsWith("apit_", StringComparison.OrdinalIgnoreCase) ? "it is an API key's id (apit_…), not a key" : null;
    }
}
