namespace Scalekit.AspNetCore;

/// <summary>Why the JWKS is being fetched; used in logs and as a metric tag.</summary>
internal static class KeyFetchTrigger
{
    public const string ColdStart = "cold_start";
    public const string UnknownKey = "unknown_kid";
    public const string Interval = "interval";
    public const string WarmUp = "warm_up";
}
