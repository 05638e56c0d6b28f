using Scalekit.Tokens;

namespace Scalekit.AspNetCore.Testing;

/// <summary>
/// Options of a <see cref="ScalekitTestAuthority"/>: which environment it plays and whom its tokens are for by default.
/// </summary>
public sealed class ScalekitTestAuthorityOptions
{
    /// <summary>
    /// The environment URL: the <c>iss</c> of every token, and where the app is pointed. Any https host works, because
    /// nothing goes over the network. Defaults to <see cref="ScalekitTestAuthority.DefaultIssuer"/>.
    /// </summary>
    public string Issuer { get; set; } = ScalekitTestAuthority.DefaultIssuer;

    /// <summary>
    /// The audience tokens are minted for. When set, the apps the authority is attached to accept exactly this audience
    /// (their configured ones are replaced). When <see langword="null"/> (the default), the app's configuration is kept
    /// and tokens are minted for the first audience the app accepts.
    /// </summary>
    public string? Audience { get; set; }

    /// <summary>The API client id of the tokens (<c>sub</c> and <c>client_id</c>); a new <c>m2morg_…</c> id by default.</summary>
    public string ClientId { get; set; } = ScalekitIds.ApiClient();

    /// <summary>The organization id of the tokens (<c>oid</c>); a new <c>org_…</c> id by default.</summary>
    public string OrganizationId { get; set; } = ScalekitIds.Organization();

    /// <summary>How long tokens live unless a lifetime is passed. Defaults to one hour, Scalekit's default client expiry.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);
}
