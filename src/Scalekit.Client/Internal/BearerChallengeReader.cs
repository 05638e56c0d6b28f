using System.Net;
using System.Text.RegularExpressions;

namespace Scalekit.Client.Internal;

/// <summary>
/// Reads the API's 401: a new token can help when a Bearer challenge says <c>error="invalid_token"</c> (RFC 6750 §3.1)
/// or names no error at all (the token was not recognised). Other errors (<c>invalid_request</c>,
/// <c>insufficient_scope</c>) and challenges of other schemes are the caller's business.
/// </summary>
internal static partial class BearerChallengeReader
{
    public static bool AsksForNewToken(HttpResponseMessage response) => Reason(response) is not null;

    /// <summary>The challenge's error, <c>"no error"</c> for a bare Bearer challenge, or <see langword="null"/> when a new token would not help.</summary>
    public static string? Reason(HttpResponseMessage response)
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

            var error = challenge.Parameter is { } parameter ? ErrorParameter().Match(parameter) : Match.Empty;
            if (!error.Success)
            {
                return "no error";
            }

            if (error.Groups["value"].Value == "invalid_token")
            {
                return "invalid_token";
            }
        }

        return null;
    }

    [GeneratedRegex("""(?:^|,)\s*error\s*=\s*"?(?<value>[^",\s]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex ErrorParameter();
}
