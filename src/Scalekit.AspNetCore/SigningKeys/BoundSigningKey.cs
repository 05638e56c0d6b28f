using Microsoft.IdentityModel.Tokens;

namespace Scalekit.AspNetCore;

/// <summary>
/// A signing key of the JWKS and the one algorithm it verifies (RFC 8725 §3.1): a token whose header names another
/// algorithm is never checked against it. <see cref="SigningKeyReader"/> makes them; <see cref="SigningKeySet"/> indexes them.
/// </summary>
/// <param name="Key">The public key, its <see cref="SecurityKey.KeyId"/> set to the JWK's <c>kid</c>.</param>
/// <param name="Algorithm">The JWS algorithm bound to the key, such as <c>RS256</c> or <c>ES384</c>.</param>
internal sealed record BoundSigningKey(SecurityKey Key, string Algorithm);
