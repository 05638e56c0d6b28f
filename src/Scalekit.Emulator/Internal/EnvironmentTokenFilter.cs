using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Scalekit.Emulator.Tokens;

namespace Scalekit.Emulator.Internal;

/// <summary>
/// Guards the management API: a Bearer token issued by this emulator to the environment's own client
/// (<c>SCALEKIT_CLIENT_ID</c>), checked with Microsoft.IdentityModel against the emulator's published keys.
/// </summary>
internal sealed class EnvironmentTokenFilter(SigningKeyRing keys, EmulatorIssuer issuer, IOptions<ScalekitEmulatorOptions> options, TimeProvider time) : IEndpointFilter
{
    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Refuse(http, null, "Send 'Authorization: Bearer <token>' with a token of the environment client (POST /oauth/token with SCALEKIT_CLIENT_ID and SCALEKIT_CLIENT_SECRET).");
        }

        var environment = issuer.For(http);
        var result = await Handler.ValidateTokenAsync(header["Bearer ".Length..].Trim(), new TokenValidationParameters
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
            return Refuse(http, "invalid_token", "The token is invalid or expired; request a new one from /oauth/token.");
        }

        if (result.Claims.TryGetValue("client_id", out var clientId) && clientId as string == options.Value.EnvironmentClientId)
        {
            return await next(context);
        }

        return Refuse(http, "invalid_token", "The management API needs a token of the environment client, not of an organization's API client.");
    }

    private bool IsCurrent(DateTime? notBefore, DateTime? expires)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return expires is { } expiresAt && now < expiresAt + ClockSkew && (notBefore is not { } notBeforeAt || notBeforeAt - ClockSkew <= now);
    }

    private static IResult Refuse(HttpContext http, string? error, string detail)
    {
        http.Response.Headers.WWWAuthenticate = error is null ? "Bearer" : $"Bearer error=\"{error}\"";
        return EmulatorResults.Problem(StatusCodes.Status401Unauthorized, detail);
    }
}
