using System.Security.Cryptography;
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

    /// <summary>
    /// The external id of <see cref="OrganizationId"/> (<c>organization_external_id</c> of its API keys);
    /// <see langword="null"/> (the default) for an organization without one.
    /// </summary>
    public string? OrganizationExternalId { get; set; }

    /// <summary>
    /// The id of the environment's own client, which gets a token at <c>POST &lt;issuer&gt;/oauth/token</c> to validate API
    /// keys (<c>SCALEKIT_CLIENT_ID</c>); a new <c>skc_…</c> id by default.
    /// </summary>
    public string EnvironmentClientId { get; set; } = "skc_" + ScalekitIds.Organization()["org_".Length..];

    /// <summary>The environment client's secret (<c>SCALEKIT_CLIENT_SECRET</c>); a new random value by default.</summary>
    public string EnvironmentClientSecret { get; set; } = "test_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();

    /// <summary>
    /// The clock of API keys: their <c>created_at</c>, and whether an <c>expiry</c> has passed when one is validated. Pass a
    /// <c>FakeTimeProvider</c> to let a key expire by advancing it. Defaults to <see cref="TimeProvider.System"/>. Access
    /// tokens keep the real clock, which the app's validation reads.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
