using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Scalekit.AspNetCore;

/// <summary>
/// Turns <see cref="ScalekitApiAuthOptions"/> into the <see cref="JwtBearerOptions"/> of a Scalekit scheme: the safe
/// defaults live here. Applications can still adjust the result with <c>services.PostConfigure&lt;JwtBearerOptions&gt;(scheme, …)</c>.
/// </summary>
internal sealed class ConfigureScalekitJwtBearerOptions(
    IOptions<ScalekitSchemeOptions> schemes,
    IOptionsMonitor<ScalekitApiAuthOptions> scalekitOptions,
    ScalekitCacheRegistry caches) : IConfigureNamedOptions<JwtBearerOptions>
{
    /// <summary>Asymmetric algorithms only: <c>none</c> and HMAC (HS*) are never accepted.</summary>
    internal static readonly string[] AllowedAlgorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);

    /// <summary>The token's <c>alg</c>, whichever token handler read it (JsonWebTokenHandler, or the legacy one that <c>UseSecurityTokenValidators</c> brings back).</summary>
    private static string? AlgorithmOf(SecurityToken token) => token switch
    {
        JsonWebToken jwt => jwt.Alg,
        System.IdentityModel.Tokens.Jwt.JwtSecurityToken legacy => legacy.Header.Alg,
        _ => null,
    };

    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name is null || !schemes.Value.Schemes.Contains(name))
        {
            return;
        }

        var scalekit = scalekitOptions.Get(name);
        var endpoints = ScalekitEndpoints.From(scalekit);
        var keys = caches.Get(name).Keys;

        options.MapInboundClaims = false;
        options.RefreshOnIssuerKeyNotFound = false; // the handler fetches unknown kids itself, before validation
        options.IncludeErrorDetails = true;
        options.SaveToken = false;
        options.TokenHandlers.Clear();
        options.TokenHandlers.Add(new JsonWebTokenHandler
        {
            MapInboundClaims = false,
            MaximumTokenSizeInBytes = scalekit.MaxTokenSize,
        });

        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuers = endpoints.ValidIssuers,
            ValidateAudience = !scalekit.DisableAudienceValidation,
            ValidAudiences = scalekit.Audiences.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).ToArray(),
            IgnoreTrailingSlashWhenValidatingAudience = false, // exact: IdentityModel would take "api/" for "api"
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = scalekit.ClockSkew,
            RequireSignedTokens = true,
            ValidAlgorithms = AllowedAlgorithms,
            TryAllIssuerSigningKeys = false,
            IssuerSigningKeyResolver = (_, securityToken, kid, _) => keys.Find(kid, AlgorithmOf(securityToken)),
            // Marks the identity as this scheme's: scope checks read scopes only from identities of Scalekit schemes.
            AuthenticationType = name,
            NameClaimType = ScalekitClaimTypes.ClientId,
            RoleClaimType = "roles",
        };
    }
}
