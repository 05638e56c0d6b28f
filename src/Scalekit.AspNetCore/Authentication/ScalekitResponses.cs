using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Scalekit.AspNetCore;

/// <summary>
/// Writes the 401, 403 and 503 answers: a <c>WWW-Authenticate</c> header (or <c>Retry-After</c>) and an
/// <c>application/problem+json</c> body. Controllers, minimal APIs and the endpoint filter all answer through here.
/// </summary>
internal static class ScalekitResponses
{
    private const string BearerSpec = "https://datatracker.ietf.org/doc/html/rfc6750#section-3.1";

    public static Task WriteUnauthorizedAsync(HttpContext context, string? error, string? description, string? errorUri)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.Append(HeaderNames.WWWAuthenticate, BearerChallengeWriter.Format(error, description, errorUri));
        return WriteProblemAsync(context, new ProblemDetails
        {
            Type = BearerSpec,
            Title = "Unauthorized",
            Status = StatusCodes.Status401Unauthorized,
            Detail = description is null
                ? "This endpoint needs a Scalekit access token: send 'Authorization: Bearer <token>' (get one from <environment>/oauth/token with client credentials)."
                : description + ".",
        });
    }

    public static Task WriteKeysUnavailableAsync(HttpContext context, TimeSpan retryAfter) =>
        WriteUnavailableAsync(context, retryAfter, seconds =>
            $"The API cannot check access tokens yet: the signing keys of its Scalekit environment could not be fetched. Retry in {seconds} second(s).");

    public static Task WriteApiKeysUnavailableAsync(HttpContext context, TimeSpan retryAfter, bool rateLimited = false) =>
        WriteUnavailableAsync(context, retryAfter, seconds => rateLimited
            ? $"The API cannot check this API key now: validations of API keys it has not cached are rate-limited (Scalekit:ApiKeys:ValidationsPerSecond). The key was not refused; retry in {seconds} second(s)."
            : $"The API cannot check this API key now: its Scalekit environment could not be asked. Retry in {seconds} second(s).");

    private static Task WriteUnavailableAsync(HttpContext context, TimeSpan retryAfter, Func<int, string> detail)
    {
        var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return WriteProblemAsync(context, new ProblemDetails
        {
            Type = "https://datatracker.ietf.org/doc/html/rfc9110#section-15.6.4",
            Title = "Service Unavailable",
            Status = StatusCodes.Status503ServiceUnavailable,
            Detail = detail(seconds),
        });
    }

    /// <summary>
    /// The 403 <c>insufficient_scope</c>; for a request authenticated with an API key (<paramref name="apiKey"/>), one
    /// that says keys carry no scopes.
    /// </summary>
    public static Task WriteInsufficientScopeAsync(HttpContext context, ScopeCheck check, bool apiKey = false)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.Headers.Append(HeaderNames.WWWAuthenticate, BearerChallengeWriter.Format(
            BearerChallengeWriter.InsufficientScope,
            apiKey ? ScalekitErrorDescriptions.ApiKeyWithoutScopes : ScalekitErrorDescriptions.InsufficientScope,
            scope: string.Join(' ', check.Required)));

        var detail = apiKey
            ? $"API keys carry no scopes, and this endpoint requires {string.Join(", ", check.Required)}. " +
              "Call it with an API client's access token (client credentials) that has the scopes."
            : $"The access token lacks the scope(s) {string.Join(", ", check.Missing)} (this endpoint requires {string.Join(", ", check.Required)}). " +
              "Register the scopes on the API client and request a new token.";

        var problem = new ProblemDetails
        {
            Type = BearerSpec,
            Title = "Forbidden",
            Status = StatusCodes.Status403Forbidden,
            Detail = detail,
        };
        problem.Extensions["requiredScopes"] = check.Required;
        problem.Extensions["missingScopes"] = check.Missing;
        return WriteProblemAsync(context, problem);
    }

    private static async Task WriteProblemAsync(HttpContext context, ProblemDetails problem)
    {
        if (context.RequestServices.GetService<IProblemDetailsService>() is { } service)
        {
            await service.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }).ConfigureAwait(false);
        }
    }
}
