using Microsoft.IdentityModel.Tokens;

namespace Scalekit.AspNetCore.Internal;

/// <summary>
/// The token header lists critical extensions (<c>crit</c>); this API understands none, so the JWS is invalid
/// (RFC 7515 §4.1.11). Scalekit never sends <c>crit</c>. Microsoft.IdentityModel ignores the parameter, hence this check.
/// </summary>
internal sealed class ScalekitCriticalHeaderException()
    : SecurityTokenException("The access token header lists critical extensions (crit) that this API does not understand.");
