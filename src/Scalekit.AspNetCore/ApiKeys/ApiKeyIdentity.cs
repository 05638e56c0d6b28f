using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Scalekit.AspNetCore;

/// <summary>
/// The identity of a request authenticated with an API key: a type of its own, so that nothing an application adds
/// (a claim named <c>scopes</c>, a custom claim) can make it pass for an API client's token. Scope checks skip it
/// (keys carry no scopes); <see cref="ScalekitClient"/> reads it as <see cref="ScalekitCallerKind.ApiKey"/>. Its
/// authentication type is the scheme's name, its name the key's id, its roles Scalekit's <c>roles</c>.
/// </summary>
internal sealed class ApiKeyIdentity : ClaimsIdentity
{
    private ApiKeyIdentity(IEnumerable<Claim> claims, string scheme)
        : base(claims, scheme, ScalekitClaimTypes.Subject, ScalekitClaimTypes.Roles)
    {
    }

    private ApiKeyIdentity(ApiKeyIdentity other)
        : base(other)
    {
    }

    /// <inheritdoc/>
    public override ClaimsIdentity Clone() => new ApiKeyIdentity(this);

    /// <summary>A ticket of its own for one request (identities are mutable: two requests never share one).</summary>
    public static AuthenticationTicket CreateTicket(IReadOnlyList<Claim> claims, string scheme) =>
        new(new ClaimsPrincipal(new ApiKeyIdentity(claims, scheme)), scheme);

    /// <summary>The claims of an accepted key, built once per cache entry.</summary>
    public static Claim[] ClaimsOf(ApiKeyDetails key)
    {
        var claims = new List<Claim>
        {
            new(ScalekitClaimTypes.Subject, key.Id),
            new(ScalekitClaimTypes.ApiKeyId, key.Id),
        };
        Add(claims, ScalekitClaimTypes.OrganizationId, key.OrganizationId);
        Add(claims, ScalekitClaimTypes.OrganizationExternalId, key.OrganizationExternalId);
        Add(claims, ScalekitClaimTypes.UserId, key.UserId);
        Add(claims, ScalekitClaimTypes.UserExternalId, key.UserExternalId);
        Add(claims, ScalekitClaimTypes.Email, key.Email);
        foreach (var role in key.Roles)
        {
            Add(claims, ScalekitClaimTypes.Roles, role);
        }

        if (key.CustomClaims.Count > 0)
        {
            claims.Add(new Claim(ScalekitClaimTypes.CustomClaims, CustomClaimsJson(key.CustomClaims), JsonClaimValueTypes.Json));
        }

        if (key.Expiry is { } expiry)
        {
            claims.Add(new Claim("exp", expiry.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64));
        }

        return [.. claims];
    }

    private static void Add(List<Claim> claims, string type, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            claims.Add(new Claim(type, value));
        }
    }

    private static string CustomClaimsJson(IReadOnlyDictionary<string, string> customClaims)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in customClaims)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
