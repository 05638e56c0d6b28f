namespace Scalekit.AspNetCore;

/// <summary>No signing key has ever been fetched, and the issuer cannot be reached now: answered with 503.</summary>
internal sealed class ScalekitSigningKeysUnavailableException(TimeSpan retryAfter)
    : Exception("The signing keys of the Scalekit environment could not be fetched yet.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
