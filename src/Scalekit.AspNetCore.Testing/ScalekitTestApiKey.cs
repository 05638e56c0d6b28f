namespace Scalekit.AspNetCore.Testing;

/// <summary>
/// An API key (Scalekit's opaque API token) issued by a <see cref="ScalekitTestAuthority"/>: the key to send
/// (<see cref="PlainKey"/>), its id (<c>apit_…</c>), and what the authority answers when the key is validated at
/// <c>POST &lt;issuer&gt;/api/v1/tokens:validate</c>. <see cref="ToString"/> does not show the key.
/// </summary>
/// <param name="Id">The key's id, such as <c>apit_68315758685323697</c> (<c>token_id</c>): listed and not secret.</param>
/// <param name="PlainKey">The key in clear, <c>skapi_…</c> as the emulator's: what a caller sends.</param>
/// <param name="OrganizationId">The organization it belongs to (<c>organization_id</c>).</param>
/// <param name="OrganizationExternalId">That organization's external id (<c>organization_external_id</c>, empty on the wire when <see langword="null"/>).</param>
/// <param name="UserId">The user it belongs to (<c>user_id</c>), for a user's key; <see langword="null"/> for an organization's key.</param>
/// <param name="CustomClaims">The key/value pairs returned on every validation (<c>custom_claims</c>).</param>
/// <param name="Roles">The roles returned on every validation (<c>roles</c>).</param>
/// <param name="Expiry">When it stops validating (<c>expiry</c>), on the authority's clock; <see langword="null"/> when it does not expire.</param>
/// <param name="CreateTime">When it was created (<c>created_at</c>), on the authority's clock.</param>
/// <param name="Description">What it is for (<c>description</c>), if given.</param>
public sealed record ScalekitTestApiKey(
    string Id,
    string PlainKey,
    string OrganizationId,
    string? OrganizationExternalId,
    string? UserId,
    IReadOnlyDictionary<string, string> CustomClaims,
    IReadOnlyList<string> Roles,
    DateTimeOffset? Expiry,
    DateTimeOffset CreateTime,
    string? Description)
{
    /// <summary>The key's last four characters (<c>token_suffix</c>), as Scalekit lists them.</summary>
    public string KeySuffix => PlainKey[^4..];

    /// <summary>Describes the key without its value.</summary>
    /// <returns>The key's id, organization, user and suffix.</returns>
    public override string ToString() =>
        $"{nameof(ScalekitTestApiKey)} {{ Id = {Id}, OrganizationId = {OrganizationId}, UserId = {UserId}, PlainKey = (hidden, ends in {KeySuffix}) }}";
}
