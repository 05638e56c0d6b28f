namespace Scalekit.AspNetCore;

/// <summary>
/// A snapshot of one scheme's <see cref="SigningKeyCache"/> for the health check: the keys cached (<see langword="null"/>
/// before the first successful fetch), the failed fetches in a row since then, and the class and time of the last one.
/// </summary>
internal sealed record SigningKeyCacheStatus(SigningKeySet? Keys, int Failures, string? LastError, DateTimeOffset? LastFailureAt);
