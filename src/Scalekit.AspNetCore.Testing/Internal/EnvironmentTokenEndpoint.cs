using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Scalekit.Tokens;

namespace Scalekit.AspNetCore.Testing.Internal;

/// <summary>
/// <c>POST &lt;issuer&gt;/oauth/token</c> for the environment client only (client credentials, the secret in the form
/// body or as HTTP Basic), with the emulator's answers (<c>src/Scalekit.Emulator/Endpoints/TokenEndpoint.cs</c>); and the
/// check of the Bearer token that the management API, here <c>tokens:validate</c>, requires: a JWT of the environment
/// client signed by one of the authority's published keys, checked with Microsoft.IdentityModel on the real clock (tokens
/// are stamped with it), as the emulator's <c>src/Scalekit.Emulator/Management/EnvironmentTokenValidator.cs</c> checks it.
/// </summary>
internal sealed class EnvironmentTokenEndpoint(
    ScalekitTestAuthorityOptions options, Func<ScalekitTokenDescriptor, string> sign, Func<IEnumerable<SecurityKey>> publishedKeys)
{
    /// <summary>The emulator's environment-token lifetime, as Scalekit's documentation shows it (<c>expires_in</c> 86399).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(86399);

    /// <summary>The emulator's clock skew for environment tokens.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };

    public HttpResponseMessage Answer(HttpRequestMessage request, string body, string issuer)
    {
        var mediaType = request.Content?.Headers.ContentType?.MediaType;
        if (!string.Equals(mediaType, "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return WireResponses.OAuthError(request, HttpStatusCode.BadRequest, "invalid_request", "Send the token request as application/x-www-form-urlencoded.");
        }

        var form = new FormReader(body).ReadForm();
        if (form.FirstOrDefault(p => p.Value.Count > 1) is { Key: { Length: > 0 } repeated })
        {
            return WireResponses.OAuthError(request, HttpStatusCode.BadRequest, "invalid_request", $"The parameter '{repeated}' is included more than once; send each parameter once.");
        }

        var grantType = form.TryGetValue("grant_type", out var grant) ? grant.ToString() : "";
        if (grantType.Length == 0)
        {
            return WireResponses.OAuthError(request, HttpStatusCode.BadRequest, "invalid_request", "grant_type is required; use grant_type=client_credentials.");
        }

        if (grantType != "client_credentials")
        {
            return WireResponses.OAuthError(request, HttpStatusCode.BadRequest, "unsupported_grant_type", $"grant_type '{grantType}' is not supported; use client_credentials.");
        }

        var basic = request.Headers.Authorization is { Scheme: var scheme } header && string.Equals(scheme, "Basic", StringComparison.OrdinalIgnoreCase) ? header : null;
        var id = form.TryGetValue("client_id", out var formId) ? formId.ToString() : "";
        var secret = form.TryGetValue("client_secret", out var formSecret) ? formSecret.ToString() : "";
        if (basic is not null)
        {
            if (secret.Length > 0)
            {
                return WireResponses.OAuthError(request, HttpStatusCode.BadRequest, "invalid_request", "Use one client authentication method: HTTP Basic or client_secret in the body, not both.");
            }

            if (ClientSecretBasic.Decode(basic.Parameter) is not { } credentials)
            {
                return ChallengeBasic(WireResponses.OAuthError(request, HttpStatusCode.Unauthorized, "invalid_client", "The Basic credentials are not base64(client_id:client_secret)."));
            }

            if (id.Length > 0 && id != credentials.Id)
            {
                return WireResponses.OAuthError(request, HttpStatusCode.BadRequest, "invalid_request", "The client_id in the body is not the one in the Basic credentials; send one client.");
            }

            (id, secret) = credentials;
        }
        else if (id.Length == 0 || secret.Length == 0)
        {
            return WireResponses.OAuthError(request, HttpStatusCode.Unauthorized, "invalid_client", "client_id and client_secret are required (in the form body, or as HTTP Basic).");
        }

        if (id != options.EnvironmentClientId
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(options.EnvironmentClientSecret)))
        {
            var refused = WireResponses.OAuthError(request, HttpStatusCode.Unauthorized, "invalid_client", "Client authentication failed: unknown client_id or wrong client_secret.");
            return basic is null ? refused : ChallengeBasic(refused);
        }

        var scopes = (form.TryGetValue("scope", out var scope) ? scope.ToString() : "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToArray();
        var now = DateTimeOffset.UtcNow;
        var token = sign(new ScalekitTokenDescriptor { Issuer = issuer, ClientId = options.EnvironmentClientId, Scopes = scopes, IssuedAt = now, Lifetime = Lifetime });

        var response = WireResponses.Json(request, HttpStatusCode.OK, json =>
        {
            json.WriteStartObject();
            json.WriteString("access_token", token);
            json.WriteString("token_type", "Bearer");
            json.WriteNumber("expires_in", (long)Lifetime.TotalSeconds);
            json.WriteString("scope", string.Join(' ', scopes));
            json.WriteEndObject();
        });
        response.Headers.CacheControl = new CacheControlHeaderValue { NoStore = true };
        response.Headers.Pragma.ParseAdd("no-cache");
        return response;
    }

    /// <summary>
    /// The management API's guard, as the emulator's (<c>src/Scalekit.Emulator/Management/EnvironmentTokenFilter.cs</c>): a
    /// 401 with <c>WWW-Authenticate: Bearer</c> without a Bearer token, with <c>error="invalid_token"</c> for a token that
    /// is not a current one of this environment's client; <see langword="null"/> when the call may go on.
    /// </summary>
    public async Task<HttpResponseMessage?> RefuseAsync(HttpRequestMessage request, string issuer)
    {
        if (request.Headers.Authorization is not { Scheme: var scheme, Parameter: { } parameter }
            || !string.Equals(scheme, "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return Challenge(request, null,
                "Send 'Authorization: Bearer <token>' with a token of the environment client (POST /oauth/token with SCALEKIT_CLIENT_ID and SCALEKIT_CLIENT_SECRET).");
        }

        var text = parameter.Trim();
        var result = await Handler.ValidateTokenAsync(text, new TokenValidationParameters
        {
            ValidIssuers = [issuer, issuer + "/"],
            ValidateAudience = false,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            IssuerSigningKeys = publishedKeys(),
            ClockSkew = ClockSkew,
        }).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return result.Exception is SecurityTokenInvalidIssuerException
                ? Challenge(request, "invalid_token",
                    $"The token's issuer '{ApiKeyValidationEndpoint.Clip(Handler.ReadJsonWebToken(text).Issuer)}' is not this environment, '{issuer}': " +
                    $"get a token from {issuer}/oauth/token, and call the authority at the address its tokens name.")
                : Challenge(request, "invalid_token", "The token is invalid or expired; request a new one from /oauth/token.");
        }

        return result.Claims.TryGetValue("client_id", out var clientId) && clientId as string == options.EnvironmentClientId
            ? null
            : Challenge(request, "invalid_token", "The management API needs a token of the environment client, not of an organization's API client.");
    }

    private static HttpResponseMessage Challenge(HttpRequestMessage request, string? error, string detail)
    {
        var response = WireResponses.Problem(request, HttpStatusCode.Unauthorized, detail);
        response.Headers.WwwAuthenticate.Add(error is null ? new AuthenticationHeaderValue("Bearer") : new AuthenticationHeaderValue("Bearer", $"error=\"{error}\""));
        return response;
    }

    /// <summary>RFC 6749 §5.2: a 401 to a client that authenticated with the Authorization header names that scheme.</summary>
    private static HttpResponseMessage ChallengeBasic(HttpResponseMessage response)
    {
        response.Headers.WwwAuthenticate.Add(new AuthenticationHeaderValue("Basic", "realm=\"scalekit\""));
        return response;
    }
}
