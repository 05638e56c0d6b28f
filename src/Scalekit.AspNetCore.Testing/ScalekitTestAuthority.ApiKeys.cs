using Scalekit.AspNetCore.Testing.Internal;
using Scalekit.Tokens;

namespace Scalekit.AspNetCore.Testing;

/// <summary>
/// API keys (Scalekit's opaque API tokens) and the environment client that validates them, served in memory at
/// <c>POST &lt;issuer&gt;/oauth/token</c> and <c>POST &lt;issuer&gt;/api/v1/tokens:validate</c> in the emulator's wire
/// format.
/// </summary>
/// <remarks>
/// <para>
/// The seam: an HttpClient whose primary handler is <see cref="CreateHandler"/> and whose base address is
/// <see cref="Issuer"/> talks to this authority in memory. For <c>ScalekitManagementClient</c> (package
/// <c>Scalekit.Client</c>), register it with <see cref="EnvironmentClientId"/> and <see cref="EnvironmentClientSecret"/>
/// and chain <c>UseScalekitTestAuthority(authority)</c> (<see cref="Microsoft.Extensions.DependencyInjection.ScalekitTestAuthorityHttpClientExtensions"/>),
/// which routes its token requests too:
/// </para>
/// <code>
/// services.AddScalekitManagementClient(o =&gt;
/// {
///     o.EnvironmentUrl = authority.Issuer;
///     o.ClientId = authority.EnvironmentClientId;
///     o.ClientSecret = authority.EnvironmentClientSecret;
/// }).UseScalekitTestAuthority(authority);
/// </code>
/// <para>
/// An API that validates keys through the management client's <c>ValidateApiKeyAsync</c> is wired the same way. The
/// resource server's own API-key validation (in <c>Scalekit.AspNetCore</c>) is not pointed at the authority by
/// <see cref="ScalekitWebHostExtensions.WithScalekitTestAuthority{TEntryPoint}"/> yet: give its HttpClient
/// <see cref="CreateHandler"/> as primary handler.
/// </para>
/// </remarks>
public sealed partial class ScalekitTestAuthority
{
    /// <summary>The path of the token endpoint: <c>/oauth/token</c>.</summary>
    public const string TokenPath = "/oauth/token";

    /// <summary>The path of API-key validation: <c>/api/v1/tokens:validate</c>.</summary>
    public const string ApiKeyValidationPath = "/api/v1/tokens:validate";

    private static readonly IReadOnlyList<string> NoRoles = [];
    private static readonly TimeSpan ExpiredFor = TimeSpan.FromHours(1);

    private readonly ApiKeyRegistry _apiKeys = new();
    private readonly Uri _tokenUri;
    private readonly Uri _apiKeyValidationUri;
    private readonly EnvironmentTokenEndpoint _environmentTokens;
    private readonly ApiKeyValidationEndpoint _apiKeyValidation;
    private int _apiKeyValidations;

    /// <summary>The environment client's id (<c>SCALEKIT_CLIENT_ID</c>), which gets tokens to validate API keys.</summary>
    public string EnvironmentClientId => _options.EnvironmentClientId;

    /// <summary>The environment client's secret (<c>SCALEKIT_CLIENT_SECRET</c>).</summary>
    public string EnvironmentClientSecret => _options.EnvironmentClientSecret;

    /// <summary>
    /// How many <c>POST &lt;issuer&gt;/api/v1/tokens:validate</c> requests reached this authority, refused ones included,
    /// all in memory: an API that caches validations makes this grow once per key.
    /// </summary>
    public int ApiKeyValidationCount => Volatile.Read(ref _apiKeyValidations);

    /// <summary>
    /// An in-memory transport to this authority, for the primary handler of an HttpClient whose base address is
    /// <see cref="Issuer"/>: it serves the JWKS, the environment client's token and API-key validation, and 404 for
    /// anything else. Each call returns a new handler, which the caller (or the HttpClient factory) disposes.
    /// </summary>
    /// <returns>The handler.</returns>
    public HttpMessageHandler CreateHandler() => new TestAuthorityHandler(this);

    /// <summary>Issues an API key for an organization or, with <paramref name="userId"/>, one of its users.</summary>
    /// <param name="organizationId">The organization; <see cref="OrganizationId"/> when <see langword="null"/>.</param>
    /// <param name="userId">The user, such as <c>usr_67890</c>; <see langword="null"/> for the organization's own key.</param>
    /// <param name="customClaims">Returned on every validation; at most 20, keys of 1 to 30 characters, values of 1 to 256 (Scalekit's limits).</param>
    /// <param name="roles">Returned on every validation (Scalekit reports the roles of the key's user); none when <see langword="null"/>.</param>
    /// <param name="expiry">When the key stops validating, on <see cref="ScalekitTestAuthorityOptions.TimeProvider"/>; <see langword="null"/> for a key that does not expire.</param>
    /// <param name="description">What the key is for, at most 255 characters.</param>
    /// <param name="organizationExternalId">The organization's external id; for the default organization, <see cref="ScalekitTestAuthorityOptions.OrganizationExternalId"/> when <see langword="null"/>.</param>
    /// <returns>The key (<see cref="ScalekitTestApiKey.PlainKey"/>, to send) with its id and details.</returns>
    /// <exception cref="ArgumentException">A value Scalekit would refuse, such as an expiry that has passed (use <see cref="CreateExpiredApiKey"/>).</exception>
    public ScalekitTestApiKey CreateApiKey(
        string? organizationId = null,
        string? userId = null,
        IReadOnlyDictionary<string, string>? customClaims = null,
        IEnumerable<string>? roles = null,
        DateTimeOffset? expiry = null,
        string? description = null,
        string? organizationExternalId = null)
    {
        if (expiry is { } at && at <= _options.TimeProvider.GetUtcNow())
        {
            throw new ArgumentException(
                $"expiry {at:O} has passed (the authority's clock reads {_options.TimeProvider.GetUtcNow():O}): Scalekit refuses such a key. " +
                "For a key that validation refuses as expired, call CreateExpiredApiKey().", nameof(expiry));
        }

        return Issue(organizationId, userId, customClaims, roles, expiry, description, organizationExternalId);
    }

    /// <summary>
    /// A key that expired an hour ago on the authority's clock. Validation answers 404 <c>The API key apit_… expired at …</c>,
    /// which <c>ScalekitManagementClient.ValidateApiKeyAsync</c> turns into <see langword="null"/>.
    /// </summary>
    /// <param name="organizationId">The organization; <see cref="OrganizationId"/> when <see langword="null"/>.</param>
    /// <param name="userId">The user, for a user's key.</param>
    /// <returns>The key.</returns>
    public ScalekitTestApiKey CreateExpiredApiKey(string? organizationId = null, string? userId = null) =>
        Issue(organizationId, userId, null, null, _options.TimeProvider.GetUtcNow() - ExpiredFor, null, null);

    /// <summary>A key issued and invalidated at once. Validation answers 404 <c>The API key was invalidated.</c></summary>
    /// <param name="organizationId">The organization; <see cref="OrganizationId"/> when <see langword="null"/>.</param>
    /// <param name="userId">The user, for a user's key.</param>
    /// <returns>The key.</returns>
    public ScalekitTestApiKey CreateInvalidatedApiKey(string? organizationId = null, string? userId = null)
    {
        var key = Issue(organizationId, userId, null, null, null, null, null);
        InvalidateApiKey(key.Id);
        return key;
    }

    /// <summary>
    /// A key in the format of the issued ones (<c>skapi_…</c>) that this authority never issued. Validation answers 404
    /// <c>The API key is not known: it was never issued by this test authority.</c>
    /// </summary>
    /// <returns>The key.</returns>
    public static string CreateUnknownApiKey() => ApiKeyRegistry.NewPlainKey();

    /// <summary>Invalidates a key, as Scalekit's InvalidateToken does: from now on validation refuses it. Again is fine.</summary>
    /// <param name="apiKeyOrId">The key's id (<c>apit_…</c>) or the key itself.</param>
    /// <exception cref="ArgumentException">This authority never issued such a key.</exception>
    public void InvalidateApiKey(string apiKeyOrId)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiKeyOrId);
        if (!_apiKeys.Invalidate(apiKeyOrId))
        {
            throw new ArgumentException("This authority never issued that API key: pass the Id or PlainKey of a key CreateApiKey returned.", nameof(apiKeyOrId));
        }
    }

    private ScalekitTestApiKey Issue(
        string? organizationId,
        string? userId,
        IReadOnlyDictionary<string, string>? customClaims,
        IEnumerable<string>? roles,
        DateTimeOffset? expiry,
        string? description,
        string? organizationExternalId)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var claims = customClaims is null ? NoCustomClaims : new Dictionary<string, string>(customClaims, StringComparer.Ordinal);
        var roleList = roles?.ToArray() ?? NoRoles;
        var invalid =
            organizationId is { Length: 0 } ? "organizationId must not be empty: pass null for the authority's organization."
            : userId is { Length: 0 or > 256 } ? "userId must be null (an organization's key) or 1 to 256 characters."
            : claims.Count > 20 ? "customClaims has more than 20 entries (Scalekit's limit)."
            : claims.Any(c => c.Key.Length is 0 or > 30 || string.IsNullOrEmpty(c.Value) || c.Value.Length > 256)
                ? "each custom claim needs a key of 1 to 30 characters and a value of 1 to 256 (Scalekit's limits)."
            : description is { Length: > 255 } ? "description is longer than 255 characters (Scalekit's limit)."
            : roleList.Any(string.IsNullOrWhiteSpace) ? "roles must not contain blank names."
            : null;
        if (invalid is not null)
        {
            throw new ArgumentException(invalid);
        }

        var key = new ScalekitTestApiKey(
            ScalekitIds.ApiKey(),
            ApiKeyRegistry.NewPlainKey(),
            organizationId ?? OrganizationId,
            organizationExternalId ?? (organizationId is null ? _options.OrganizationExternalId : null),
            userId,
            claims,
            roleList,
            expiry,
            _options.TimeProvider.GetUtcNow(),
            string.IsNullOrEmpty(description) ? null : description);
        _apiKeys.Add(key);
        return key;
    }
}
