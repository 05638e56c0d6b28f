using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Scalekit.Emulator.Internal;
using Scalekit.Emulator.Tokens;

namespace Scalekit.Emulator.Management;

/// <summary>Why a management call's Bearer token was refused: an RFC 6750 error code (or none) and what to do.</summary>
internal sealed record EnvironmentTokenFailure(string? Error, string Detail);

/// <summary>
/// Guards the management API, REST and gRPC alike: a Bearer token issued by this emulator to the environment's own
/// client (<c>SCALEKIT_CLIENT_ID</c>), checked with Microsoft.IdentityModel against the emulator's published keys.
/// </summary>
internal sealed class EnvironmentTokenValidator(SigningKeyRing keys, EmulatorIssuer issuer, IOptions<ScalekitEmulatorOptions> options, TimeProvider time)
{
    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    /// <summary>Checks the request's <c>Authorization</c> header; <see langword="null"/> when the call may go on.</summary>
    public async Task<EnvironmentTokenFailure?> ValidateAsync(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return new(null, "Send 'Authorization: Bearer <token>' with a token of the environment client (POST /oauth/token with SCALEKIT_CLIENT_ID and SCALEKIT_CLIENT_SECRET).");
        }

        var environment = issuer.For(http);
        var text = header["Bearer ".Length..].Trim();
        var result = await Handler.ValidateTokenAsync(text, new TokenValidationParameters
        {
            ValidIssuers = [environment, environment + "/"],
            ValidateAudience = false,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            IssuerSigningKeys = keys.Published().Select(k => (SecurityKey)k.Key),
            ClockSkew = ClockSkew,
            // On the emulator's clock, which minted the token: the default validator reads the system clock.
            LifetimeValidator = (notBefore, expires, _, _) => IsCurrent(notBefore, expires),
        });

        if (!result.IsValid)
        {
            // The signature was good and only the issuer differs: say so, as the token came from this emulator at another address.
            return result.Exception is SecurityTokenInvalidIssuerException
                ? new("invalid_token",
                    $"The token's issuer '{ManagementValidation.Clip(Handler.ReadJsonWebToken(text).Issuer)}' is not this environment, '{environment}': " +
                    $"get a token from {environment}/oauth/token, and call the emulator at the address its tokens name.")
                : new("invalid_token", "The token is invalid or expired; request a new one from /oauth/token.");
        }

        if (result.Claims.TryGetValue("client_id", out var clientId) && clientId as string == options.Value.EnvironmentClientId)
        {
            return null;
        }

        return new("invalid_token", "The management API needs a token of the environment client, not of an organization's API client.");
    }

    private bool IsCurrent(DateTime? notBefore, DateTime? expires)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return expires is { } expiresAt && now < expiresAt + ClockSkew && (notBefore is not { } notBeforeAt || notBeforeAt - ClockSkew <= now);
    }
}
