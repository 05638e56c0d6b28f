using Microsoft.IdentityModel.Tokens;

namespace Scalekit.AspNetCore;

/// <summary>
/// A token the handler refused before JwtBearer saw it (too large, malformed, of another type, naming no client,
/// signed with an algorithm its key is not bound to). The message is the fixed-vocabulary detail for the log, never
/// token content.
/// </summary>
internal sealed class ScalekitInvalidTokenException(TokenFailureReason reason, string detail)
    : SecurityTokenException($"The access token is refused: {detail}.")
{
    public TokenFailureReason Reason { get; } = reason;

    public string Detail { get; } = detail;
}
