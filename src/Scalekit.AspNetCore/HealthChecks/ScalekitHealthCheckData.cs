namespace Scalekit.AspNetCore;

/// <summary>
/// The keys of <c>HealthReportEntry.Data</c> in the result of the Scalekit signing-key health check (see
/// <c>AddScalekit</c> on <c>IHealthChecksBuilder</c>). None holds a token, a secret or what the issuer answered.
/// </summary>
public static class ScalekitHealthCheckData
{
    /// <summary>The authentication scheme the entry reports on.</summary>
    public const string Scheme = "scheme";

    /// <summary>How many signing keys are cached (0 before the first successful fetch).</summary>
    public const string KeyCount = "key_count";

    /// <summary>When the cached keys were fetched, round-trip ("O") format; absent before the first successful fetch.</summary>
    public const string LastFetch = "last_fetch";

    /// <summary>How old the cached keys are, in whole seconds; absent before the first successful fetch.</summary>
    public const string KeyAgeSeconds = "key_age_seconds";

    /// <summary>How many fetches failed in a row since the keys were last fetched.</summary>
    public const string FailedFetches = "failed_fetches";

    /// <summary>
    /// The class of the last failed fetch, while fetches fail: <c>timeout</c>, <c>http_</c> and the status code (such
    /// as <c>http_503</c>), <c>http_error</c> (no answer, a redirect), <c>invalid_response</c>, or an exception type name.
    /// </summary>
    public const string LastError = "last_error";

    /// <summary>When the last fetch failed, round-trip ("O") format; present with <see cref="LastError"/>.</summary>
    public const string LastFailure = "last_failure";
}
