namespace Scalekit.AspNetCore.LoadServer;

/// <summary>What the flood client needs to mint valid tokens: the issuer's EC key (PKCS#8, base64) and the claims to use.</summary>
internal sealed record FloodKey(string Issuer, string Audience, string Scope, string Kid, string Pkcs8);
