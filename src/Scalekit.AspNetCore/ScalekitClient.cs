using System.Globalization;
using System.Reflection;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Scalekit.AspNetCore;

/// <summary>
/// The caller: who it is, which organization it belongs to, what it may do. Read it with
/// <c>HttpContext.GetScalekitClient()</c>, <c>User.GetScalekitClient()</c>, or take it as a minimal-API handler parameter.
/// It describes both kinds of caller alike; <see cref="Kind"/> tells an API client's access token
/// (<see cref="ScalekitCallerKind.ApiClient"/>, with scopes) from an API key (<see cref="ScalekitCallerKind.ApiKey"/>:
/// no scopes, but possibly a user, roles and custom claims).
/// </summary>
/// <example>
/// <code>
/// app.MapGet("/api/me", (ScalekitClient client) => new { client.Kind, client.ClientId, client.OrganizationId, client.UserId, client.Scopes });
/// </code>
/// </example>
public sealed class ScalekitClient
{
    private static readonly HashSet<string> RegisteredClaims = new(StringComparer.Ordinal)
    {
        "iss", "aud", "sub", "exp", "nbf", "iat", "jti", "azp", "typ", "nonce", "auth_time", "amr", "acr", "sid", "roles",
        ScalekitClaimTypes.ClientId, ScalekitClaimTypes.OrganizationId, ScalekitClaimTypes.CustomClaims,
        ScalekitClaimTypes.Scopes, ScalekitClaimTypes.Scope, ScalekitClaimTypes.Scp,
    };

    /// <summary>The last second <see cref="DateTimeOffset"/> holds (9999-12-31T23:59:59Z).</summary>
    private const long MaxUnixSeconds = 253402300799;

    private static readonly JsonSerializerOptions RelaxedJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly IReadOnlySet<string> NoScopes = new HashSet<string>();

    private ScalekitClient(
        string clientId,
        string? organizationId,
        IReadOnlySet<string> scopes,
        IReadOnlyDictionary<string, string> customClaims,
        string? tokenId,
        DateTimeOffset? expiresAt,
        IReadOnlyList<string> audiences,
        string? issuer,
        IReadOnlyList<string> roles)
    {
        Roles = roles;
        ClientId = clientId;
        OrganizationId = organizationId;
        Scopes = scopes;
        CustomClaims = customClaims;
        TokenId = tokenId;
        ExpiresAt = expiresAt;
        Audiences = audiences;
        Issuer = issuer;
    }

    /// <summary>
    /// The API client id (<c>client_id</c>, else <c>sub</c>), such as <c>m2morg_68315758685323697</c>; for an API key,
    /// the key's id (<c>apit_…</c>, as <see cref="ApiKeyId"/>), which names the caller as well.
    /// </summary>
    public string ClientId { get; }

    /// <summary>Whether the caller sent an API client's access token or an API key.</summary>
    public ScalekitCallerKind Kind { get; private init; }

    /// <summary>The API key's id (<c>apit_…</c>) for an API key; <see langword="null"/> for an access token.</summary>
    public string? ApiKeyId { get; private init; }

    /// <summary>The external id of the organization (your own id for it), for an API key.</summary>
    public string? OrganizationExternalId { get; private init; }

    /// <summary>The user an API key belongs to (<c>usr_…</c>), when it is a user's key.</summary>
    public string? UserId { get; private init; }

    /// <summary>The external id of the user an API key belongs to.</summary>
    public string? UserExternalId { get; private init; }

    /// <summary>The email of the user an API key belongs to, when Scalekit gives it.</summary>
    public string? Email { get; private init; }

    /// <summary>The caller's roles (<c>roles</c>): for a user's API key, the user's roles in the organization.</summary>
    public IReadOnlyList<string> Roles { get; }

    /// <summary>The organization the client belongs to (<c>oid</c>), such as <c>org_59615193906282635</c>.</summary>
    public string? OrganizationId { get; }

    /// <summary>The scopes the token grants, from <c>scopes</c>, <c>scope</c> and <c>scp</c>; always empty for an API key.</summary>
    public IReadOnlySet<string> Scopes { get; }

    /// <summary>
    /// Custom claims registered on the API client: the <c>custom_claims</c> object, plus any top-level claim that is not a
    /// registered JWT or Scalekit claim (the nested value wins when both exist). Non-string values keep their JSON text,
    /// except that a top-level array of one element arrives as that element.
    /// </summary>
    public IReadOnlyDictionary<string, string> CustomClaims { get; }

    /// <summary>The token id (<c>jti</c>); <see langword="null"/> for an API key (see <see cref="ApiKeyId"/>).</summary>
    public string? TokenId { get; }

    /// <summary>When the token or API key expires (<c>exp</c>); <see langword="null"/> for a key without expiry.</summary>
    public DateTimeOffset? ExpiresAt { get; }

    /// <summary>The token's audiences (<c>aud</c>).</summary>
    public IReadOnlyList<string> Audiences { get; }

    /// <summary>The token's issuer (<c>iss</c>).</summary>
    public string? Issuer { get; }

    /// <summary>Whether the token grants <paramref name="scope"/>.</summary>
    /// <param name="scope">The scope, such as <c>deploy:applications</c>.</param>
    /// <returns><see langword="true"/> when the scope is granted.</returns>
    public bool HasScope(string scope) => Scopes.Contains(scope);

    /// <summary>
    /// Reads the client from an authenticated principal, or returns <see langword="null"/> when the principal carries no
    /// authenticated identity with a <c>client_id</c> or <c>sub</c>. This overload does not know the authentication
    /// schemes: in an app with several schemes, use <c>HttpContext.GetScalekitClient()</c>, which reads only the
    /// identity a Scalekit scheme authenticated.
    /// </summary>
    /// <param name="principal">The user of the request.</param>
    /// <returns>The client, or <see langword="null"/>.</returns>
    public static ScalekitClient? FromPrincipal(ClaimsPrincipal? principal) => FromPrincipal(principal, schemes: null);

    /// <summary>
    /// Reads the client from the identity a Scalekit scheme in <paramref name="schemes"/> authenticated, and only from
    /// it: identities of other schemes merged into the principal never stand in for a Scalekit client. Without scheme
    /// names (a principal built by hand), from the first authenticated identity with a <c>client_id</c>, else a <c>sub</c>.
    /// Everything, scopes included, comes from that one identity.
    /// </summary>
    internal static ScalekitClient? FromPrincipal(ClaimsPrincipal? principal, IReadOnlyList<string>? schemes)
    {
        var authenticated = principal?.Identities.Where(i => i.IsAuthenticated).ToList() ?? [];
        var identity = schemes is { Count: > 0 }
            ? authenticated.FirstOrDefault(i => ScalekitIdentity.IsFrom(i, schemes))
            : authenticated.FirstOrDefault(i => i.HasClaim(c => c.Type == ScalekitClaimTypes.ClientId))
              ?? authenticated.FirstOrDefault(i => i.HasClaim(c => c.Type == ScalekitClaimTypes.Subject));
        if (identity is null)
        {
            return null;
        }

        if (identity is ApiKeyIdentity)
        {
            return FromApiKey(identity);
        }

        var clientId = identity.FindFirst(ScalekitClaimTypes.ClientId)?.Value ?? identity.FindFirst(ScalekitClaimTypes.Subject)?.Value;
        if (string.IsNullOrEmpty(clientId))
        {
            return null;
        }

        return new ScalekitClient(
            clientId,
            identity.FindFirst(ScalekitClaimTypes.OrganizationId)?.Value,
            ScopeClaims.Read([identity]),
            ReadCustomClaims(identity),
            identity.FindFirst(ScalekitClaimTypes.TokenId)?.Value,
            ReadExpiry(identity),
            identity.FindAll("aud").Select(c => c.Value).ToArray(),
            identity.FindFirst("iss")?.Value,
            identity.FindAll(ScalekitClaimTypes.Roles).Select(c => c.Value).ToArray());
    }

    /// <summary>The caller of an API key's identity: everything from the claims <c>ApiKeyIdentity</c> was built with.</summary>
    private static ScalekitClient? FromApiKey(ClaimsIdentity identity)
    {
        if (identity.FindFirst(ScalekitClaimTypes.ApiKeyId)?.Value is not { Length: > 0 } keyId)
        {
            return null;
        }

        var customClaims = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var claim in identity.FindAll(ScalekitClaimTypes.CustomClaims))
        {
            AddNested(customClaims, claim.Value);
        }

        return new ScalekitClient(
            keyId,
            identity.FindFirst(ScalekitClaimTypes.OrganizationId)?.Value,
            NoScopes,
            customClaims,
            tokenId: null,
            ReadExpiry(identity),
            [],
            issuer: null,
            identity.FindAll(ScalekitClaimTypes.Roles).Select(c => c.Value).ToArray())
        {
            Kind = ScalekitCallerKind.ApiKey,
            ApiKeyId = keyId,
            OrganizationExternalId = identity.FindFirst(ScalekitClaimTypes.OrganizationExternalId)?.Value,
            UserId = identity.FindFirst(ScalekitClaimTypes.UserId)?.Value,
            UserExternalId = identity.FindFirst(ScalekitClaimTypes.UserExternalId)?.Value,
            Email = identity.FindFirst(ScalekitClaimTypes.Email)?.Value,
        };
    }

    private static DateTimeOffset? ReadExpiry(ClaimsIdentity identity) =>
        long.TryParse(identity.FindFirst("exp")?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var exp)
        && exp is >= 0 and <= MaxUnixSeconds
            ? DateTimeOffset.FromUnixTimeSeconds(exp)
            : null;

    /// <summary>
    /// Binds a minimal-API handler parameter of type <see cref="ScalekitClient"/> from <see cref="HttpContext.User"/>.
    /// </summary>
    /// <param name="context">The request.</param>
    /// <param name="parameter">The parameter being bound.</param>
    /// <returns>The client, or <see langword="null"/> for an anonymous request.</returns>
    public static ValueTask<ScalekitClient?> BindAsync(HttpContext context, ParameterInfo parameter) =>
        ValueTask.FromResult(context.GetScalekitClient());

    private static Dictionary<string, string> ReadCustomClaims(ClaimsIdentity identity)
    {
        var claims = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var claim in identity.FindAll(ScalekitClaimTypes.CustomClaims))
        {
            AddNested(claims, claim.Value);
        }

        foreach (var group in identity.Claims.Where(c => !RegisteredClaims.Contains(c.Type)).GroupBy(c => c.Type, StringComparer.Ordinal))
        {
            // Microsoft.IdentityModel turns a JSON array into one claim per element: put them back together.
            // (A one-element array cannot be told from a plain value any more, and stays that value.)
            claims.TryAdd(group.Key, group.Count() == 1 ? group.First().Value : ToJsonArray(group));
        }

        return claims;
    }

    private static string ToJsonArray(IEnumerable<Claim> elements)
    {
        var array = new JsonArray();
        foreach (var element in elements)
        {
            array.Add(element.ValueType == ClaimValueTypes.String ? JsonValue.Create(element.Value) : ParseOrString(element.Value));
        }

        return array.ToJsonString(RelaxedJson);
    }

    private static JsonNode? ParseOrString(string value)
    {
        try
        {
            return JsonNode.Parse(value);
        }
        catch (JsonException)
        {
            return JsonValue.Create(value); // a date or any other text that is not JSON on its own
        }
    }

    private static void AddNested(Dictionary<string, string> claims, string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            var root = document.RootElement;
            if (root.TryGetProperty("key", out var key) && key.ValueKind == JsonValueKind.String
                && root.TryGetProperty("value", out var value) && root.EnumerateObject().Count() == 2)
            {
                // The management API's shape, [{"key": …, "value": …}], arrives one element per claim.
                claims[key.GetString()!] = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
                return;
            }

            foreach (var property in root.EnumerateObject())
            {
                claims[property.Name] = property.Value.ValueKind == JsonValueKind.String
                    ? property.Value.GetString()!
                    : property.Value.GetRawText();
            }
        }
        catch (JsonException)
        {
            // A custom_claims value that is not a JSON object carries no custom claims.
        }
    }
}
