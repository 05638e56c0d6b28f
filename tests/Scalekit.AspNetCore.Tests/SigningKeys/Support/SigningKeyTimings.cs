namespace Scalekit.AspNetCore.Tests.SigningKeys;

/// <summary>
/// The cache timings every key-cache test runs with: distinct values, so that a test advancing the clock by one
/// of them cannot pass by way of another.
/// </summary>
internal static class SigningKeyTimings
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan UnknownKeyCooldown = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan MinRetryDelay = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(40);
    public const int MaxResponseSize = 64 * 1024;

    public static void Apply(ScalekitKeyCacheOptions keys)
    {
        keys.RefreshInterval = RefreshInterval;
        keys.UnknownKeyCooldown = UnknownKeyCooldown;
        keys.FetchTimeout = FetchTimeout;
        keys.MinRetryDelay = MinRetryDelay;
        keys.MaxRetryDelay = MaxRetryDelay;
        keys.MaxResponseSize = MaxResponseSize;
    }
}
