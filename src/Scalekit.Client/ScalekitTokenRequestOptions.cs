namespace Scalekit.Client;

/// <summary>
/// How token requests are retried and timed out. Config section <c>Scalekit:Client:TokenRequest</c>.
/// Connection errors, time-outs, 429 and 5xx answers are retried with exponential backoff and jitter; every other
/// answer, <c>invalid_client</c> above all, is final.
/// </summary>
public sealed class ScalekitTokenRequestOptions
{
    /// <summary>Retries after the first attempt. Defaults to 3; 0 turns retries off.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The base of the exponential backoff: about this long before the first retry, then doubling, with jitter. Defaults to 1 second.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two attempts. Defaults to 30 seconds.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one attempt may take. Defaults to 10 seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a token request may take with all its retries. Defaults to 60 seconds.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
