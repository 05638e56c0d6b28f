namespace Scalekit.Client.Internal;

/// <summary>When a token stops being handed out: shortly before it expires.</summary>
internal static class TokenLifetime
{
    /// <summary>Used when a token response has no usable <c>expires_in</c> (RFC 6749 only recommends it).</summary>
    public static readonly TimeSpan Fallback = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The refresh margin: <paramref name="refreshBeforeExpiry"/> or a tenth of <paramref name="lifetime"/>, whichever
    /// is smaller, so that a short-lived token is still used for most of its life.
    /// </summary>
    public static TimeSpan Margin(TimeSpan lifetime, TimeSpan refreshBeforeExpiry) =>
        TimeSpan.FromTicks(Math.Max(0, Math.Min(refreshBeforeExpiry.Ticks, lifetime.Ticks / 10)));

    /// <summary>The longest lifetime believed: a larger <c>expires_in</c> is read as this (and cannot overflow a date).</summary>
    public static readonly TimeSpan Max = TimeSpan.FromDays(365);

    public static ScalekitAccessToken Create(string value, DateTimeOffset requestedAt, TimeSpan lifetime, TimeSpan refreshBeforeExpiry, string? scope)
    {
        lifetime = lifetime > Max ? Max : lifetime;
        var expiresAt = requestedAt + lifetime;
        return new ScalekitAccessToken(value, expiresAt, expiresAt - Margin(lifetime, refreshBeforeExpiry), scope);
    }
}
