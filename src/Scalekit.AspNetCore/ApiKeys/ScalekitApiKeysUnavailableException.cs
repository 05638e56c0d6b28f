namespace Scalekit.AspNetCore;

/// <summary>An API key found in no cache could not be checked, because Scalekit could not be asked: answered with 503.</summary>
internal sealed class ScalekitApiKeysUnavailableException(TimeSpan retryAfter)
    : Exception("The API key could not be validated: Scalekit could not be asked.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
