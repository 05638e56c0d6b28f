using System.Diagnostics;

namespace Scalekit.AspNetCore;

/// <summary>
/// The spans of the <c>Scalekit.AspNetCore</c> activity source: one per signing-key document fetched (the JWKS, the
/// discovery document), one per full token validation (never a validated-token cache hit) and one per API key
/// validation call to Scalekit (never a key answered from a cache). Tags follow
/// OpenTelemetry's HTTP and error conventions (<c>url.full</c>, <c>server.address</c>, <c>http.response.status_code</c>,
/// <c>error.type</c>) plus <c>scalekit.auth.*</c> tags of ours; they hold addresses, scheme names, triggers and refusal
/// reasons only, never a token, a key or a claim value.
/// </summary>
internal static class ScalekitActivities
{
    public static readonly ActivitySource Source = new(ScalekitApiAuthDefaults.ActivitySourceName, typeof(ScalekitActivities).Assembly.GetName().Version?.ToString());

    /// <summary>The tag of the scheme that validates or fetches.</summary>
    public const string SchemeTag = "scalekit.auth.scheme";

    /// <summary>The tag of why signing keys are fetched: <c>cold_start</c>, <c>unknown_kid</c>, <c>interval</c>, <c>warm_up</c>.</summary>
    public const string TriggerTag = "scalekit.auth.trigger";

    /// <summary>The tag of a validation's outcome: <c>success</c> or the refusal reason (the metric's <c>outcome</c>).</summary>
    public const string OutcomeTag = "scalekit.auth.outcome";

    /// <summary>The tag of how many usable signing keys a fetched JWKS holds.</summary>
    public const string KeyCountTag = "scalekit.auth.key_count";

    /// <summary>Starts the span of a GET of <paramref name="address"/> (when someone listens).</summary>
    public static Activity? StartFetch(string name, Uri address, string scheme, string trigger)
    {
        var activity = Source.StartActivity(name, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("http.request.method", "GET");
            // Without user info, query or fragment (OpenTelemetry's url.full redacts credentials).
            activity.SetTag("url.full", address.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped));
            activity.SetTag("server.address", address.Host);
            activity.SetTag("server.port", address.Port);
            activity.SetTag(SchemeTag, scheme);
            activity.SetTag(TriggerTag, trigger);
        }

        return activity;
    }

    /// <summary>Ends a fetch span with the answer's status code, and with <c>error.type</c> and an error status when it failed.</summary>
    public static void FetchFailed(Activity? activity, Exception error, string errorType)
    {
        if (activity is null)
        {
            return;
        }

        if (error is HttpRequestException { StatusCode: { } status })
        {
            activity.SetTag("http.response.status_code", (int)status);
        }

        activity.SetTag("error.type", errorType);
        activity.SetStatus(ActivityStatusCode.Error, errorType);
    }

    /// <summary>Records the status code of a fetch that was answered.</summary>
    public static void FetchAnswered(Activity? activity, int statusCode) =>
        activity?.SetTag("http.response.status_code", statusCode);

    /// <summary>Starts the span of an API key validation call to <paramref name="environment"/> (when someone listens).</summary>
    public static Activity? StartApiKeyValidation(Uri? environment)
    {
        var activity = Source.StartActivity(ScalekitApiAuthDefaults.ApiKeyValidationActivityName, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true } && environment is not null)
        {
            activity.SetTag("server.address", environment.Host);
            activity.SetTag("server.port", environment.Port);
        }

        return activity;
    }

    /// <summary>
    /// Ends an API key validation span with <c>scalekit.auth.outcome</c> and, when Scalekit could not be asked,
    /// <c>error.type</c> (<paramref name="errorType"/>) and an error status.
    /// </summary>
    public static void EndApiKeyValidation(Activity? activity, string outcome, string? errorType)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag(OutcomeTag, outcome);
        if (errorType is not null)
        {
            activity.SetTag("error.type", errorType);
            activity.SetStatus(ActivityStatusCode.Error, errorType);
        }

        activity.Dispose();
    }

    /// <summary>Starts the span of a full token validation (when someone listens).</summary>
    public static Activity? StartValidation(string scheme)
    {
        var activity = Source.StartActivity(ScalekitApiAuthDefaults.TokenValidationActivityName, ActivityKind.Internal);
        activity?.SetTag(SchemeTag, scheme);
        return activity;
    }

    /// <summary>
    /// Ends a validation span: <c>scalekit.auth.outcome</c>, and for a refusal <c>error.type</c> (the same reason) with an
    /// error status. <paramref name="outcome"/> is <see langword="null"/> when no outcome was reached (JwtBearer's events
    /// answered, or an exception left the handler: then <paramref name="exception"/> names its type).
    /// </summary>
    public static void EndValidation(Activity? activity, string? outcome, Exception? exception)
    {
        if (activity is null)
        {
            return;
        }

        if (outcome is not null)
        {
            activity.SetTag(OutcomeTag, outcome);
        }

        if (exception is not null)
        {
            activity.SetTag("error.type", exception.GetType().FullName);
            activity.SetStatus(ActivityStatusCode.Error);
        }
        else if (outcome is not null && outcome != TokenFailure.SuccessTag)
        {
            activity.SetTag("error.type", outcome);
            activity.SetStatus(ActivityStatusCode.Error, outcome);
        }

        activity.Dispose();
    }
}
