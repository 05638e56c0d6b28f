using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.SigningKeys;

/// <summary>
/// Every way the issuer can fail a JWKS fetch: an error status, HTML, no answer, no keys, too many bytes, a redirect
/// (never followed), only keys that may not verify tokens.
/// </summary>
public static class IssuerFailures
{
    public static TheoryData<JwksMode> All =>
    [
        JwksMode.Unavailable,
        JwksMode.Garbage,
        JwksMode.Hang,
        JwksMode.Empty,
        JwksMode.Oversize,
        JwksMode.Redirect,
        JwksMode.Unusable,
    ];
}
