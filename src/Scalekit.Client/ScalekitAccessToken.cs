namespace Scalekit.Client;

/// <summary>
/// An access token from the token endpoint, with the times the cache works with. <see cref="ToString"/> never shows
/// the token itself.
/// </summary>
/// <param name="value">The access token (a JWT).</param>
/// <param name="expiresAt">When the token expires: the time of the request plus <c>expires_in</c>.</param>
/// <param name="refreshAt">When the cache replaces the token: shortly before <paramref name="expiresAt"/>.</param>
/// <param name="scope">The <c>scope</c> of the token response, space-delimited, if it had one.</param>
public sealed class ScalekitAccessToken(string value, DateTimeOffset expiresAt, DateTimeOffset refreshAt, string? scope)
{
    /// <summary>The access token, to send as <c>Authorization: Bearer &lt;value&gt;</c>.</summary>
    public string Value { get; } = value;

    /// <summary>When the token expires.</summary>
    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    /// <summary>When the cache stops handing out this token and requests a new one.</summary>
    public DateTimeOffset RefreshAt { get; } = refreshAt;

    /// <summary>The granted scopes, space-delimited, as the token response listed them.</summary>
    public string? Scope { get; } = scope;

    /// <summary>Describes the token without revealing it.</summary>
    /// <returns>The expiry and scope, never the token.</returns>
    public override string ToString() => $"Scalekit access token (expires {ExpiresAt:O}, scope '{Scope}')";
}
