using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Scalekit.Emulator.Internal;
using Scalekit.Emulator.Management;
using Scalekit.Emulator.Storage;
using Scalekit.Emulator.Tokens;
using Scalekit.Tokens;

namespace Scalekit.Emulator.Endpoints;

/// <summary>
/// <c>POST /oauth/token</c>: OAuth 2.0 client credentials, with the secret in the form body (as Scalekit's SDKs send
/// it) or as HTTP Basic. Errors follow RFC 6749 §5.2.
/// </summary>
internal static class TokenEndpoint
{
    private static readonly char[] ScopeSeparators = [' '];

    public static async Task<IResult> HandleAsync(
        HttpContext context,
        EmulatorStore store,
        SigningKeyRing keys,
        EmulatorIssuer issuer,
        IOptions<ScalekitEmulatorOptions> options,
        TimeProvider time)
    {
        if (!context.Request.HasFormContentType)
        {
            return EmulatorResults.OAuthError(400, "invalid_request", "Send the token request as application/x-www-form-urlencoded.");
        }

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return EmulatorResults.OAuthError(StatusCodes.Status413PayloadTooLarge, "invalid_request", EmulatorResults.BodyTooLarge);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            return EmulatorResults.OAuthError(400, "invalid_request", "The form body could not be read.");
        }

        // RFC 6749 §3.2: request parameters must not be included more than once.
        if (form.FirstOrDefault(p => p.Value.Count > 1) is { Key: { } repeated } && repeated.Length > 0)
        {
            return EmulatorResults.OAuthError(400, "invalid_request", $"The parameter {Clip(repeated)} is included more than once; send each parameter once.");
        }

        var grantType = form["grant_type"].ToString();
        if (grantType.Length == 0)
        {
            return EmulatorResults.OAuthError(400, "invalid_request", "grant_type is required; use grant_type=client_credentials.");
        }

        if (grantType != "client_credentials")
        {
            return EmulatorResults.OAuthError(400, "unsupported_grant_type", $"grant_type '{grantType}' is not supported; use client_credentials.");
        }

        var credentials = ReadClientCredentials(context.Request, form);
        if (credentials.Error is not null)
        {
            if (credentials.UsedBasic)
            {
                ChallengeBasic(context);
            }

            return credentials.Error;
        }

        var requested = form["scope"].ToString().Split(ScopeSeparators, StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToArray();
        if (requested.Length > ManagementValidation.MaxListItems)
        {
            return EmulatorResults.OAuthError(400, "invalid_scope", $"scope names more than {ManagementValidation.MaxListItems} scopes.");
        }

        if (requested.FirstOrDefault(s => !ManagementValidation.IsScope(s)) is { } notAScope)
        {
            return EmulatorResults.OAuthError(400, "invalid_scope",
                $"'{ManagementValidation.Clip(notAScope)}' is not a scope (RFC 6749 §3.3: printable ASCII without space, '\"' or '\\', at most {ManagementValidation.MaxItemLength} characters).");
        }

        var now = time.GetUtcNow();
        var environment = options.Value;
        ScalekitTokenDescriptor descriptor;
        if (IsEnvironmentClient(environment, credentials.Id!, credentials.Secret!))
        {
            descriptor = new ScalekitTokenDescriptor
            {
                Issuer = issuer.For(context),
                ClientId = environment.EnvironmentClientId,
                Scopes = requested,
                IssuedAt = now,
                Lifetime = environment.EnvironmentTokenLifetime,
            };
        }
        else if (store.Authenticate(credentials.Id!, credentials.Secret!) is { } client)
        {
            var unknown = requested.Where(s => !client.Scopes.Contains(s)).ToArray();
            if (unknown.Length > 0)
            {
                return EmulatorResults.OAuthError(400, "invalid_scope",
                    $"The client is not registered for scope(s): {Listed(unknown)}. Registered: {Listed(client.Scopes)}.");
            }

            descriptor = new ScalekitTokenDescriptor
            {
                Issuer = issuer.For(context),
                ClientId = client.ClientId,
                OrganizationId = client.OrganizationId,
                Audience = client.Audience,
                Scopes = requested.Length > 0 ? requested : client.Scopes,
                CustomClaims = client.CustomClaims.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal),
                IssuedAt = now,
                Lifetime = TimeSpan.FromSeconds(client.Expiry),
            };
        }
        else
        {
            if (credentials.UsedBasic)
            {
                ChallengeBasic(context);
            }

            return EmulatorResults.OAuthError(401, "invalid_client", "Client authentication failed: unknown client_id or wrong client_secret.");
        }

        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Pragma = "no-cache";
        return Results.Json(new
        {
            access_token = ScalekitTokenFactory.Create(descriptor, keys.Current()),
            token_type = "Bearer",
            expires_in = (long)descriptor.Lifetime.TotalSeconds,
            scope = string.Join(' ', descriptor.Scopes),
        });
    }

    /// <summary>Scopes as an error description lists them: at most 10, then how many more.</summary>
    private static string Listed(IReadOnlyList<string> scopes) =>
        string.Join(' ', scopes.Take(10)) + (scopes.Count > 10 ? $" and {scopes.Count - 10} more" : "");

    /// <summary>A parameter name as it may appear in an error description: at most 64 characters.</summary>
    private static string Clip(string name) => name.Length <= 64 ? $"'{name}'" : $"'{name[..64]}…'";

    /// <summary>RFC 6749 §5.2: a 401 to a client that authenticated with the Authorization header names that scheme.</summary>
    private static void ChallengeBasic(HttpContext context) => context.Response.Headers.WWWAuthenticate = "Basic realm=\"scalekit\"";

    private static bool IsEnvironmentClient(ScalekitEmulatorOptions options, string id, string secret) =>
        id == options.EnvironmentClientId
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(options.EnvironmentClientSecret));

    private static ClientCredentials ReadClientCredentials(HttpRequest request, IFormCollection form)
    {
        var bodyId = form["client_id"].ToString();
        var bodySecret = form["client_secret"].ToString();
        var header = request.Headers.Authorization.ToString();

        if (header.Length > 0 && AuthenticationHeaderValue.TryParse(header, out var parsed)
            && string.Equals(parsed.Scheme, "Basic", StringComparison.OrdinalIgnoreCase))
        {
            if (bodySecret.Length > 0)
            {
                return ClientCredentials.Fail(400, "invalid_request", "Use one client authentication method: HTTP Basic or client_secret in the body, not both.");
            }

            if (ClientSecretBasic.Decode(parsed.Parameter) is not { } basic)
            {
                return ClientCredentials.Fail(401, "invalid_client", "The Basic credentials are not base64(client_id:client_secret).", usedBasic: true);
            }

            if (bodyId.Length > 0 && bodyId != basic.Id)
            {
                return ClientCredentials.Fail(400, "invalid_request", "The client_id in the body is not the one in the Basic credentials; send one client.");
            }

            return new ClientCredentials(basic.Id, basic.Secret, UsedBasic: true, Error: null);
        }

        if (bodyId.Length == 0 || bodySecret.Length == 0)
        {
            return ClientCredentials.Fail(401, "invalid_client", "client_id and client_secret are required (in the form body, or as HTTP Basic).");
        }

        return new ClientCredentials(bodyId, bodySecret, UsedBasic: false, Error: null);
    }

    private sealed record ClientCredentials(string? Id, string? Secret, bool UsedBasic, IResult? Error)
    {
        public static ClientCredentials Fail(int status, string error, string description, bool usedBasic = false) =>
            new(null, null, usedBasic, EmulatorResults.OAuthError(status, error, description));
    }
}
