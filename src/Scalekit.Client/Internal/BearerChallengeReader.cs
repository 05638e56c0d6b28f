using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Scalekit.Client.Internal;

/// <summary>What a Bearer challenge that a new token can fix said: the error (or <c>"no error"</c>) and its description.</summary>
internal sealed record BearerChallenge(string Reason, string? Description)
{
    /// <summary>The reason and, when the API gave one, its description: <c>invalid_token: The audience is invalid</c>.</summary>
    public override string ToString() => Description is null ? Reason : Reason + ": " + Description;
}

/// <summary>
/// Reads the API's 401: a new token can help when a Bearer challenge says <c>error="invalid_token"</c> (RFC 6750 §3.1)
/// or names no error at all (the token was not recognised). Other errors (<c>invalid_request</c>,
/// <c>insufficient_scope</c>) and challenges of other schemes are the caller's business.
/// </summary>
internal static partial class BearerChallengeReader
{
    /// <summary>The longest <c>error_description</c> kept; a longer one is clipped and ends in "…".</summary>
    public const int MaxDescriptionLength = 200;

    public static bool AsksForNewToken(HttpResponseMessage response) => Read(response) is not null;

    /// <summary>The challenge's error, <c>"no error"</c> for a bare Bearer challenge, or <see langword="null"/> when a new token would not help.</summary>
    public static string? Reason(HttpResponseMessage response) => Read(response)?.Reason;

    /// <summary>
    /// The challenge a new token may fix, with its <c>error_description</c> clipped to <see cref="MaxDescriptionLength"/>
    /// characters, control characters replaced and <paramref name="sentToken"/> (the token the request carried) cut out,
    /// or <see langword="null"/> when a new token would not help.
    /// </summary>
    public static BearerChallenge? Read(HttpResponseMessage response, string? sentToken = null)
    {
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return null;
        }

        foreach (var challenge in response.Headers.WwwAuthenticate)
        {
            if (!string.Equals(challenge.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var parameter = challenge.Parameter;
            var error = parameter is null ? Match.Empty : ErrorParameter().Match(parameter);
            if (!error.Success)
            {
                return new BearerChallenge("no error", Description(parameter, sentToken));
            }

            if (error.Groups["value"].Value == "invalid_token")
            {
                return new BearerChallenge("invalid_token", Description(parameter, sentToken));
            }
        }

        return null;
    }

    private static string? Description(string? parameter, string? sentToken)
    {
        var match = parameter is null ? Match.Empty : DescriptionParameter().Match(parameter);
        if (!match.Success)
        {
            return null;
        }

        var text = match.Groups["quoted"].Success ? match.Groups["quoted"].Value.Replace("\\\"", "\"", StringComparison.Ordinal) : match.Groups["token"].Value;
        if (!string.IsNullOrEmpty(sentToken))
        {
            text = text.Replace(sentToken, "[token]", StringComparison.Ordinal);
        }

        var clean = new StringBuilder(Math.Min(text.Length, MaxDescriptionLength + 1));
        foreach (var c in text)
        {
            if (clean.Length == MaxDescriptionLength)
            {
                clean.Append('…');
                break;
            }

            clean.Append(char.IsControl(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.Surrogate ? '?' : c);
        }

        var result = clean.ToString().Trim();
        return result.Length == 0 ? null : result;
    }

    [GeneratedRegex("""(?:^|,)\s*error\s*=\s*"?(?<value>[^",\s]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex ErrorParameter();

    [GeneratedRegex("""(?:^|,)\s*error_description\s*=\s*(?:"(?<quoted>(?:[^"\\]|\\.)*)"|(?<token>[^,\s]*))""", RegexOptions.CultureInvariant)]
    private static partial Regex DescriptionParameter();
}
