namespace Scalekit.Client.Management;

/// <summary>What a new API key carries besides its organization. Properties left <see langword="null"/> are not sent.</summary>
/// <example>
/// <code>
/// var created = await management.CreateApiKeyAsync("org_59615193906282635", new ScalekitApiKeyRequest
/// {
///     Description = "CI pipeline",
///     CustomClaims = new Dictionary&lt;string, string&gt; { ["env"] = "production" },
///     Expiry = DateTimeOffset.UtcNow.AddDays(90),
/// });
/// </code>
/// </example>
public sealed class ScalekitApiKeyRequest
{
    /// <summary>The user the key belongs to, such as <c>usr_67890</c>; <see langword="null"/> for a key of the organization itself.</summary>
    public string? UserId { get; init; }

    /// <summary>Key/value pairs every validation of the key returns, such as <c>env</c> = <c>production</c>.</summary>
    public IReadOnlyDictionary<string, string>? CustomClaims { get; init; }

    /// <summary>When the key stops being valid (sent as RFC 3339, in UTC); <see langword="null"/> for a key that does not expire.</summary>
    public DateTimeOffset? Expiry { get; init; }

    /// <summary>What the key is for, such as <c>CI pipeline</c>.</summary>
    public string? Description { get; init; }
}
