using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace Scalekit.Client.Internal;

/// <summary>
/// <c>POST &lt;env&gt;/oauth/token</c> with <c>grant_type=client_credentials</c>: the secret in the form body or as
/// HTTP Basic, optional <c>scope</c>. Retries live in the token HttpClient's resilience handler; this class turns the
/// final answer into a token or a <see cref="ScalekitTokenException"/>.
/// </summary>
internal sealed class TokenEndpointClient(IHttpClientFactory httpClientFactory, TimeProvider time, ClientTelemetry telemetry, ILogger<TokenEndpointClient> logger)
{
    /// <summary>A token, or a <see cref="ScalekitTokenException"/>; counted, timed and traced.</summary>
    public async Task<ScalekitAccessToken> RequestAsync(TokenRegistration registration, CancellationToken cancellationToken)
    {
        using var activity = ClientTelemetry.StartTokenRequest(registration);
        var started = time.GetTimestamp();
        var result = new TokenRequestResult();
        try
        {
            var (token, status) = await SendAsync(registration, cancellationToken).ConfigureAwait(false);
            result.Outcome = TokenRequestResult.Success;
            result.StatusCode = (int)status;
            return token;
        }
        catch (ScalekitTokenException ex)
        {
            result.StatusCode = (int?)ex.StatusCode;
            result.OAuthError = ex.Error;
            result.Outcome = ex.StatusCode is null ? "unreachable" : ex.Error is null && (int)ex.StatusCode is >= 200 and < 300 ? "invalid_response" : "refused";
            result.ErrorType = ex.InnerException?.GetType().FullName;
            throw;
        }
        catch (Exception ex)
        {
            result.Outcome = ex is OperationCanceledException ? "canceled" : "failure";
            result.ErrorType = ex.GetType().FullName;
            throw;
        }
        finally
        {
            telemetry.TokenRequested(activity, result, time.GetElapsedTime(started));
        }
    }

    private async Task<(ScalekitAccessToken Token, HttpStatusCode Status)> SendAsync(TokenRegistration registration, CancellationToken cancellationToken)
    {
        using var request = CreateRequest(registration);
        var requestedAt = time.GetUtcNow();
        HttpResponseMessage response;
        try
        {
            response = await httpClientFactory.CreateClient(registration.TokenHttpClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var reason = ex is HttpRequestException ? ex.Message : "it did not answer in time";
            logger.TokenEndpointUnreachable(registration.TokenEndpoint, registration.ClientId, reason);
            throw new ScalekitTokenException(
                $"No Scalekit token for client {registration.ClientId}: {registration.TokenEndpoint} could not be reached ({reason}). Check the environment URL and the network.",
                error: null, errorDescription: null, statusCode: null, ex);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode
                ? (ParseToken(registration, body, requestedAt, response.StatusCode), response.StatusCode)
                : throw Refused(registration, response.StatusCode, body);
        }
    }

    private static HttpRequestMessage CreateRequest(TokenRegistration registration)
    {
        var form = new List<KeyValuePair<string, string>> { new("grant_type", "client_credentials") };
        var request = new HttpRequestMessage(HttpMethod.Post, registration.TokenEndpoint);
        if (registration.ClientAuthentication == ScalekitClientAuthentication.ClientSecretBasic)
        {
            // RFC 6749 §2.3.1: form-url-encode id and secret before base64.
            var pair = Uri.EscapeDataString(registration.ClientId) + ":" + Uri.EscapeDataString(registration.ClientSecret);
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
        }
        else
        {
            form.Add(new("client_id", registration.ClientId));
            form.Add(new("client_secret", registration.ClientSecret));
        }

        if (registration.Scopes.Count > 0)
        {
            form.Add(new("scope", string.Join(' ', registration.Scopes)));
        }

        request.Content = new FormUrlEncodedContent(form);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    private ScalekitAccessToken ParseToken(TokenRegistration registration, string body, DateTimeOffset requestedAt, HttpStatusCode status)
    {
        string? accessToken = null, tokenType = null, scope = null;
        TimeSpan? lifetime = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                accessToken = String(root, "access_token");
                tokenType = String(root, "token_type");
                scope = String(root, "scope");
                lifetime = Seconds(root, "expires_in");
            }
        }
        catch (JsonException)
        {
            // Reported below as a response without access_token.
        }

        if (string.IsNullOrEmpty(accessToken))
        {
            throw new ScalekitTokenException(
                $"No Scalekit token for client {registration.ClientId}: {registration.TokenEndpoint} answered {(int)status} without an access_token. Is the environment URL right?",
                error: null, errorDescription: null, status);
        }

        if (tokenType is not null && !string.Equals(tokenType, "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            throw new ScalekitTokenException(
                $"No Scalekit token for client {registration.ClientId}: the token endpoint issued a '{tokenType}' token; only Bearer tokens are supported.",
                error: null, errorDescription: null, status);
        }

        var token = TokenLifetime.Create(accessToken, requestedAt, lifetime ?? TokenLifetime.Fallback, registration.RefreshBeforeExpiry, scope);
        logger.TokenAcquired(registration.ClientId, scope, token.ExpiresAt - requestedAt, token.RefreshAt);
        return token;
    }

    private ScalekitTokenException Refused(TokenRegistration registration, HttpStatusCode status, string body)
    {
        string? error = null, description = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                error = String(document.RootElement, "error");
                description = String(document.RootElement, "error_description");
            }
        }
        catch (JsonException)
        {
            // Not an RFC 6749 error body (a proxy's HTML page, say): the status tells the story.
        }

        logger.TokenRequestRefused(registration.TokenEndpoint, registration.ClientId, (int)status, error, description);
        var hint = error switch
        {
            "invalid_client" => " Check the client id and secret (SCALEKIT_CLIENT_ID / SCALEKIT_CLIENT_SECRET) and that the secret was not revoked.",
            "invalid_scope" => " Request only scopes the client is registered with.",
            _ when (int)status is >= 300 and < 400 =>
                " The token endpoint redirects, and redirects are not followed (they would carry the client secret elsewhere): " +
                "set SCALEKIT_ENVIRONMENT_URL (or the TokenEndpoint option) to the address it redirects to.",
            _ => "",
        };
        return new ScalekitTokenException(
            $"No Scalekit token for client {registration.ClientId}: {registration.TokenEndpoint} answered {(int)status}" +
            (error is null ? "" : " " + error) + (description is null ? "" : ": " + description.TrimEnd('.')) + "." + hint,
            error, description, status);
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary><c>expires_in</c> as a number, or a string holding one (seen in the wild); positive values only.</summary>
    private static TimeSpan? Seconds(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            return null;
        }

        double seconds = 0;
        var parsed = value.ValueKind == JsonValueKind.Number
            ? value.TryGetDouble(out seconds)
            : value.ValueKind == JsonValueKind.String && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out seconds);
        return parsed && seconds > 0 && seconds < TimeSpan.MaxValue.TotalSeconds / 2 ? TimeSpan.FromSeconds(seconds) : null;
    }
}
