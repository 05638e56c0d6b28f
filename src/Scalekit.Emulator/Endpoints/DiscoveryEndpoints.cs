using Microsoft.IdentityModel.Tokens;
using Scalekit.Emulator.Internal;
using Scalekit.Emulator.Tokens;
using Scalekit.Tokens;

namespace Scalekit.Emulator.Endpoints;

/// <summary><c>GET /keys</c> (the JWKS) and <c>GET /.well-known/openid-configuration</c>.</summary>
internal static class DiscoveryEndpoints
{
    public static IResult Keys(SigningKeyRing keys) => Results.Json(ScalekitJwks.Document(keys.Published()));

    public static IResult Configuration(HttpContext context, EmulatorIssuer issuer)
    {
        var environment = issuer.For(context);
        return Results.Json(new
        {
            issuer = environment,
            jwks_uri = environment + "/keys",
            token_endpoint = environment + "/oauth/token",
            grant_types_supported = new[] { "client_credentials" },
            token_endpoint_auth_methods_supported = new[] { "client_secret_post", "client_secret_basic" },
            id_token_signing_alg_values_supported = new[] { SecurityAlgorithms.RsaSha256 },
            response_types_supported = new[] { "token" },
            subject_types_supported = new[] { "public" },
        });
    }
}
