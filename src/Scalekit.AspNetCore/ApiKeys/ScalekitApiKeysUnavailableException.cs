namespace Scalekit.AspNetCore;

/// <summary>
/// An API key found in no cache could not be checked, because Scalekit could not be asked, or because validations are
/// rate-limited (<paramref name="rateLimited"/>): answered with 503 and <c>Retry-After</c>, never as a refusal.
/// </summary>
internal sealed class ScalekitApiKeysUnavailableException(TimeSpan retryAfter, bool rateLimited = false)
    : Exception(rateLimited ? "The API key was not validated: validations are rate-limited." : "The API key could not be validated: Scalekit could not be asked.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;

    /// <summary>Not asked for the validation rate bound (<see cref="ScalekitApiKeyOptions.ValidationsPerSecond"/>), rather than Scalekit being out of reach.</summary>
    public bool RateLimited { get; } = rateLimited;
}
