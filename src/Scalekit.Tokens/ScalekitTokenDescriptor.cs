namespace Scalekit.Tokens;

/// <summary>
/// What goes into a Scalekit-shaped access token. The emulator's token endpoint and the test kit both mint through
/// <see cref="ScalekitTokenFactory"/> from one of these.
/// </summary>
public sealed class ScalekitTokenDescriptor
{
    /// <summary>The issuer (<c>iss</c>): the environment URL.</summary>
    public required string Issuer { get; init; }

    /// <summary>The API client id (<c>sub</c> and <c>client_id</c>).</summary>
    public required string ClientId { get; init; }

    /// <summary>The organization id (<c>oid</c>); left out when <see langword="null"/>.</summary>
    public string? OrganizationId { get; init; }

    /// <summary>The audiences (<c>aud</c>, an array as Scalekit sends it); left out when empty.</summary>
    public IReadOnlyList<string> Audience { get; init; } = [];

    /// <summary>The granted scopes: written as the <c>scopes</c> array and the space-delimited <c>scope</c> string.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>Custom claims, written as the <c>custom_claims</c> object; left out when empty.</summary>
    public IReadOnlyDictionary<string, string> CustomClaims { get; init; } = new Dictionary<string, string>();

    /// <summary>When the token was issued (<c>iat</c>, and <c>nbf</c> unless <see cref="NotBefore"/> is set).</summary>
    public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>How long the token lives: <c>exp</c> = <see cref="IssuedAt"/> + this.</summary>
    public required TimeSpan Lifetime { get; init; }

    /// <summary>The <c>nbf</c> claim, when it differs from <see cref="IssuedAt"/>.</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>The token id (<c>jti</c>); a new <c>tkn_…</c> id when <see langword="null"/>.</summary>
    public string? TokenId { get; init; }

    /// <summary>When the token expires.</summary>
    public DateTimeOffset ExpiresAt => IssuedAt + Lifetime;
}
