using Scalekit.Emulator.Internal;
using Scalekit.Emulator.Tokens;

namespace Scalekit.Emulator.Endpoints;

/// <summary>Emulator-only administration: signing-key rotation (<c>POST /admin/v1/keys/rotate</c>) and the key list.</summary>
internal static class AdminEndpoints
{
    public static IResult Rotate(HttpRequest request, SigningKeyRing keys)
    {
        TimeSpan? grace = null;
        if (request.Query["grace_period_seconds"].ToString() is { Length: > 0 } value)
        {
            if (!int.TryParse(value, out var seconds) || seconds < 0)
            {
                return EmulatorResults.Problem(StatusCodes.Status400BadRequest, "grace_period_seconds must be a whole number of seconds, 0 or more.");
            }

            grace = TimeSpan.FromSeconds(seconds);
        }

        var kid = keys.Rotate(grace);
        return EmulatorResults.Json(new { kid, published = keys.Published().Select(k => k.Kid) });
    }

    public static IResult List(SigningKeyRing keys) =>
        EmulatorResults.Json(new { published = keys.Published().Select(k => k.Kid), signing = keys.Current().Key.KeyId });
}
