namespace Scalekit.AspNetCore.Benchmarks;

/// <summary>How an <see cref="AuthHost"/> authenticates.</summary>
public enum AuthVariant
{
    /// <summary>Scalekit with the validated-token cache (the default).</summary>
    Scalekit,

    /// <summary>Scalekit with the validated-token cache turned off: every token is validated in full.</summary>
    ScalekitUncached,

    /// <summary>Stock <c>AddJwtBearer</c> with the same issuer, audience and keys (discovery document and JWKS).</summary>
    JwtBearer,
}
