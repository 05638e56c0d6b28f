using System.Net;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using Scalekit.AspNetCore.Testing.Internal;
using Scalekit.Tokens;

namespace Scalekit.AspNetCore.Testing;

/// <summary>
/// An in-memory Scalekit environment for tests. It owns RSA signing keys (<c>kid</c> <c>snk_…</c>), mints access tokens
/// shaped exactly like Scalekit's through the emulator's <see cref="ScalekitTokenFactory"/>, and serves its JWKS to the
/// app's real key cache through an in-memory handler once attached with
/// <see cref="ScalekitWebHostExtensions.WithScalekitTestAuthority{TEntryPoint}"/>. The app's validation runs unchanged
/// (signature, issuer, audience, lifetime, scopes, answers); nothing goes over the network. It also issues API keys
/// (<see cref="CreateApiKey"/>) and validates them in memory, as Scalekit's management API does, for the environment
/// client it plays (<see cref="EnvironmentClientId"/>).
/// </summary>
/// <remarks>
/// Tokens are stamped with the real clock (<see cref="DateTimeOffset.UtcNow"/>), because Microsoft.IdentityModel checks
/// them against it. Thread-safe: one authority can serve many tests and several apps.
/// </remarks>
/// <example>
/// <code>
/// using var authority = new ScalekitTestAuthority();
/// var client = factory.WithScalekitTestAuthority(authority).CreateClient()
///     .WithScalekitToken(authority.CreateToken(scopes: ["read:deployments"]));
/// </code>
/// </example>
public sealed partial class ScalekitTestAuthority : IDisposable
{
    /// <summary>The default environment URL and issuer: <c>https://test.scalekit.local</c>.</summary>
    public const string DefaultIssuer = "https://test.scalekit.local";

    /// <summary>The audience of <see cref="CreateTokenForOtherAudience"/>: <c>https://other-api.test.scalekit.local</c>.</summary>
    public const string OtherAudience = "https://other-api.test.scalekit.local";

    private static readonly TimeSpan NegativeMargin = TimeSpan.FromHours(1); // far beyond the largest clock skew allowed (5 min)
    private static readonly IReadOnlyDictionary<string, string> NoCustomClaims = new Dictionary<string, string>();

    private readonly object _gate = new();
    private readonly object _startGate = new(); // apart from _gate: the app's start-up calls back into Attach
    private readonly ScalekitTestAuthorityOptions _options;
    private readonly Uri _jwksUri;
    private readonly List<AuthorityKey> _created = [];
    private readonly Lazy<AuthorityKey> _unknownKey;
    private readonly HashSet<string?> _appAudiences = [];
    private volatile KeyState _keys;
    private Action? _startApp;
    private int _jwksRequests;
    private bool _disposed;

    /// <summary>Creates an authority with a fresh signing key.</summary>
    /// <param name="configure">Adjusts the options: issuer, audience, client and organization ids, token lifetime.</param>
    /// <exception cref="ArgumentException">The options are not usable; the message says which and how to fix it.</exception>
    public ScalekitTestAuthority(Action<ScalekitTestAuthorityOptions>? configure = null)
    {
        _options = new ScalekitTestAuthorityOptions();
        configure?.Invoke(_options);
        Issuer = Validate(_options);
        OtherIssuer = new UriBuilder(Issuer) { Host = "other-" + new Uri(Issuer).Host }.Uri.ToString().TrimEnd('/');
        _jwksUri = new Uri(Issuer + ScalekitApiAuthDefaults.JwksPath);
        _tokenUri = new Uri(Issuer + TokenPath);
        _apiKeyValidationUri = new Uri(Issuer + ApiKeyValidationPath);
        _unknownKey = new Lazy<AuthorityKey>(() => Track(AuthorityKey.Create()));
        var first = Track(AuthorityKey.Create());
        _keys = new KeyState(first, [first]);
        _environmentTokens = new EnvironmentTokenEndpoint(_options, descriptor => CreateToken(descriptor), PublishedSigningKeys);
        _apiKeyValidation = new ApiKeyValidationEndpoint(_apiKeys, _environmentTokens, _options.TimeProvider);
    }

    /// <summary>The environment URL and <c>iss</c> of the tokens, without a trailing slash.</summary>
    public string Issuer { get; }

    /// <summary>The issuer of <see cref="CreateTokenFromOtherIssuer"/>: this one with <c>other-</c> before its host.</summary>
    public string OtherIssuer { get; }

    /// <summary>
    /// The audience set in <see cref="ScalekitTestAuthorityOptions.Audience"/>, or <see langword="null"/> when tokens are
    /// minted for the audience of the app the authority is attached to.
    /// </summary>
    public string? Audience => _options.Audience;

    /// <summary>The API client id of the tokens (<c>sub</c> and <c>client_id</c>) unless one is passed.</summary>
    public string ClientId => _options.ClientId;

    /// <summary>The organization id of the tokens (<c>oid</c>) unless one is passed.</summary>
    public string OrganizationId => _options.OrganizationId;

    /// <summary>The <c>kid</c> of the key that signs new tokens.</summary>
    public string SigningKeyId => _keys.Current.Kid;

    /// <summary>The <c>kid</c>s in the JWKS, oldest first.</summary>
    public IReadOnlyList<string> PublishedKeyIds => _keys.Published.Select(k => k.Kid).ToArray();

    /// <summary>
    /// How many times an app fetched the JWKS from this authority, all in memory. The app caches keys, so this grows on
    /// the first request and on unknown <c>kid</c>s only.
    /// </summary>
    public int JwksRequestCount => Volatile.Read(ref _jwksRequests);

    /// <summary>Creates a valid access token, signed by the current key and shaped like Scalekit's.</summary>
    /// <param name="scopes">The granted scopes (<c>scopes</c> array and <c>scope</c> string); none when <see langword="null"/>.</param>
    /// <param name="organizationId">The <c>oid</c>; <see cref="OrganizationId"/> when <see langword="null"/>.</param>
    /// <param name="customClaims">The <c>custom_claims</c> object; none when <see langword="null"/>.</param>
    /// <param name="audience">
    /// The <c>aud</c>; when <see langword="null"/>, <see cref="Audience"/> or else the first audience the attached app accepts
    /// (the app is started through its factory when it has not started yet).
    /// </param>
    /// <param name="lifetime">How long the token lives from now; <see cref="ScalekitTestAuthorityOptions.TokenLifetime"/> when <see langword="null"/>.</param>
    /// <param name="clientId">The <c>sub</c> and <c>client_id</c>; <see cref="ClientId"/> when <see langword="null"/>.</param>
    /// <returns>The compact JWT, for <c>Authorization: Bearer</c>.</returns>
    public string CreateToken(
        IEnumerable<string>? scopes = null,
        string? organizationId = null,
        IReadOnlyDictionary<string, string>? customClaims = null,
        string? audience = null,
        TimeSpan? lifetime = null,
        string? clientId = null) =>
        CreateToken(Describe(scopes, audience, organizationId, customClaims, lifetime, clientId));

    /// <summary>Signs any token payload with the current key, for cases the other methods do not cover (several audiences, no <c>oid</c>, chosen times).</summary>
    /// <param name="descriptor">The claims, as the emulator's token endpoint builds them.</param>
    /// <returns>The compact JWT.</returns>
    public string CreateToken(ScalekitTokenDescriptor descriptor) => Sign(descriptor, _keys.Current);

    /// <summary>A token that expired an hour ago (beyond any clock skew). Expect 401 <c>The access token expired</c>.</summary>
    /// <param name="scopes">The granted scopes, so that only the expiry is wrong.</param>
    /// <returns>The compact JWT.</returns>
    public string CreateExpiredToken(IEnumerable<string>? scopes = null) =>
        CreateToken(Describe(scopes, issuedAt: DateTimeOffset.UtcNow - (2 * NegativeMargin), lifetime: NegativeMargin));

    /// <summary>A token whose <c>nbf</c> is an hour from now. Expect 401 <c>The access token is not valid yet (nbf)</c>.</summary>
    /// <param name="scopes">The granted scopes, so that only <c>nbf</c> is wrong.</param>
    /// <returns>The compact JWT.</returns>
    public string CreateNotYetValidToken(IEnumerable<string>? scopes = null) =>
        CreateToken(Describe(scopes, notBefore: DateTimeOffset.UtcNow + NegativeMargin, lifetime: 2 * NegativeMargin));

    /// <summary>
    /// A token for <see cref="OtherAudience"/>, another API of the same environment. Expect 401
    /// <c>The access token audience is not accepted by this API</c>.
    /// </summary>
    /// <param name="scopes">The granted scopes, so that only the audience is wrong.</param>
    /// <returns>The compact JWT.</returns>
    public string CreateTokenForOtherAudience(IEnumerable<string>? scopes = null) => CreateToken(Describe(scopes, OtherAudience));

    /// <summary>
    /// A token whose <c>iss</c> is <see cref="OtherIssuer"/>, signed by this authority's published key. Expect 401
    /// <c>The access token issuer is not accepted by this API</c>.
    /// </summary>
    /// <param name="scopes">The granted scopes, so that only the issuer is wrong.</param>
    /// <returns>The compact JWT.</returns>
    public string CreateTokenFromOtherIssuer(IEnumerable<string>? scopes = null) => CreateToken(Describe(scopes, issuer: OtherIssuer));

    /// <summary>
    /// A token signed by a key that this authority never publishes (its <c>kid</c> is <c>snk_…</c> too), as another
    /// environment or a forger would sign it. The app fetches the JWKS once to look for the key, then refuses: expect 401
    /// <c>The signing key (kid) was not found in the JWKS</c>.
    /// </summary>
    /// <param name="scopes">The granted scopes, so that only the key is wrong.</param>
    /// <returns>The compact JWT.</returns>
    public string CreateTokenSignedByUnknownKey(IEnumerable<string>? scopes = null) => Sign(Describe(scopes), _unknownKey.Value);

    /// <summary>
    /// Publishes a new key and signs new tokens with it. Apps pick it up on the first request that carries its <c>kid</c>
    /// (the library fetches the JWKS at once for an unknown <c>kid</c>).
    /// </summary>
    /// <param name="keepPrevious">
    /// Keep the previous keys in the JWKS, as Scalekit does during a rotation, so that tokens they signed stay valid.
    /// With <see langword="false"/>, they leave the JWKS at once: an app refuses their tokens from its next JWKS fetch.
    /// </param>
    /// <returns>The new key's <c>kid</c>.</returns>
    public string RotateSigningKey(bool keepPrevious = true)
    {
        var key = Track(AuthorityKey.Create());
        lock (_gate)
        {
            _keys = new KeyState(key, keepPrevious ? [.. _keys.Published, key] : [key]);
        }

        return key.Kid;
    }

    /// <summary>
    /// Removes a key from the JWKS. Apps keep it until they fetch the JWKS again: at once when a token with an unknown
    /// <c>kid</c> arrives, else after <c>Keys:RefreshInterval</c>.
    /// </summary>
    /// <param name="kid">A published key that no longer signs (call <see cref="RotateSigningKey"/> first).</param>
    /// <exception cref="InvalidOperationException"><paramref name="kid"/> is the current signing key.</exception>
    /// <exception cref="ArgumentException"><paramref name="kid"/> is not published.</exception>
    public void RetireKey(string kid)
    {
        ArgumentException.ThrowIfNullOrEmpty(kid);
        lock (_gate)
        {
            if (_keys.Current.Kid == kid)
            {
                throw new InvalidOperationException($"The key {kid} signs this authority's new tokens: call RotateSigningKey() first, then retire it.");
            }

            if (!_keys.Published.Any(k => k.Kid == kid))
            {
                throw new ArgumentException($"No published key has kid '{kid}'. Published: {string.Join(", ", PublishedKeyIds)}.", nameof(kid));
            }

            _keys = _keys with { Published = _keys.Published.Where(k => k.Kid != kid).ToArray() };
        }
    }

    /// <summary>Releases the RSA keys. Tokens already minted stay as they are.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var key in _created)
            {
                key.Dispose();
            }
        }
    }

    /// <summary>
    /// Answers one request to the authority, all in memory: the JWKS for <c>GET &lt;issuer&gt;/keys</c>, the environment
    /// client's token for <c>POST &lt;issuer&gt;/oauth/token</c>, an API key's validation for
    /// <c>POST &lt;issuer&gt;/api/v1/tokens:validate</c>, and 404 for anything else.
    /// </summary>
    internal async Task<HttpResponseMessage> AnswerAsync(HttpRequestMessage request, string body)
    {
        var path = request.RequestUri is { IsAbsoluteUri: true } uri ? uri.GetLeftPart(UriPartial.Path) : null;
        if (request.Method == HttpMethod.Get && path == _jwksUri.GetLeftPart(UriPartial.Path))
        {
            return AnswerJwks(request);
        }

        if (request.Method == HttpMethod.Post && path == _tokenUri.GetLeftPart(UriPartial.Path))
        {
            return _environmentTokens.Answer(request, body, Issuer);
        }

        if (request.Method == HttpMethod.Post && path == _apiKeyValidationUri.GetLeftPart(UriPartial.Path))
        {
            Interlocked.Increment(ref _apiKeyValidations);
            return await _apiKeyValidation.AnswerAsync(request, body, Issuer).ConfigureAwait(false);
        }

        return WireResponses.NotServed(request, $"GET {_jwksUri}, POST {_tokenUri} and POST {_apiKeyValidationUri}");
    }

    /// <summary>The keys in the JWKS, which environment tokens are checked against.</summary>
    private SecurityKey[] PublishedSigningKeys()
    {
        lock (_gate)
        {
            return [.. _keys.Published.Select(k => (SecurityKey)k.Key)];
        }
    }

    private HttpResponseMessage AnswerJwks(HttpRequestMessage request)
    {
        Interlocked.Increment(ref _jwksRequests);
        string json;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            json = ScalekitJwks.Json(_keys.Published.Select(k => (k.Kid, k.Key)));
        }

        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            RequestMessage = request,
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
    }

    /// <summary>Called as an attached app's Scalekit options are finalised: remembers which audience it accepts.</summary>
    internal void Attach(ScalekitApiAuthOptions options)
    {
        var audience = options.Audiences.FirstOrDefault(a => !string.IsNullOrWhiteSpace(a))?.Trim();
        if (audience is null && !options.DisableAudienceValidation)
        {
            return; // the library's start-up validation reports the missing audience
        }

        lock (_gate)
        {
            _appAudiences.Add(audience);
        }
    }

    /// <summary>How to start the app last attached, so that a token minted before its first request knows the app's audience.</summary>
    internal void StartAppOnDemand(Action start)
    {
        lock (_gate)
        {
            _startApp = start;
        }
    }

    private ScalekitTokenDescriptor Describe(
        IEnumerable<string>? scopes,
        string? audience = null,
        string? organizationId = null,
        IReadOnlyDictionary<string, string>? customClaims = null,
        TimeSpan? lifetime = null,
        string? clientId = null,
        string? issuer = null,
        DateTimeOffset? issuedAt = null,
        DateTimeOffset? notBefore = null) =>
        new()
        {
            Issuer = issuer ?? Issuer,
            ClientId = clientId ?? ClientId,
            OrganizationId = organizationId ?? OrganizationId,
            Audience = (audience ?? DefaultAudience()) is { } aud ? [aud] : [],
            Scopes = scopes?.ToArray() ?? [],
            CustomClaims = customClaims ?? NoCustomClaims,
            IssuedAt = issuedAt ?? DateTimeOffset.UtcNow,
            NotBefore = notBefore,
            Lifetime = lifetime ?? _options.TokenLifetime,
        };

    private string Sign(ScalekitTokenDescriptor descriptor, AuthorityKey key)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return ScalekitTokenFactory.Create(descriptor, key.Credentials);
    }

    private string? DefaultAudience()
    {
        if (Audience is { } configured)
        {
            return configured;
        }

        if (TryAppAudience(out var audience))
        {
            return audience;
        }

        Action? start;
        lock (_gate)
        {
            start = _startApp;
        }

        if (start is not null)
        {
            lock (_startGate)
            {
                start(); // idempotent: WebApplicationFactory starts its server once
            }
        }

        return TryAppAudience(out audience)
            ? audience
            : throw new InvalidOperationException(
                "The Scalekit test authority does not know which audience to mint for: it is not attached to an app that has started. " +
                "Attach it (factory.WithScalekitTestAuthority(authority) or builder.WebHost.UseScalekitTestAuthority(authority)) and start the app, " +
                "pass audience: to CreateToken, or set ScalekitTestAuthorityOptions.Audience.");
    }

    private bool TryAppAudience(out string? audience)
    {
        lock (_gate)
        {
            if (_appAudiences.Count > 1)
            {
                throw new InvalidOperationException(
                    $"The Scalekit test authority serves apps that accept different audiences ({string.Join(", ", _appAudiences.Select(a => a ?? "none"))}): " +
                    "pass audience: to CreateToken, or set ScalekitTestAuthorityOptions.Audience so that every app accepts the same one.");
            }

            audience = _appAudiences.FirstOrDefault();
            return _appAudiences.Count == 1;
        }
    }

    private AuthorityKey Track(AuthorityKey key)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                key.Dispose();
                throw new ObjectDisposedException(nameof(ScalekitTestAuthority));
            }

            _created.Add(key);
            return key;
        }
    }

    private static string Validate(ScalekitTestAuthorityOptions options)
    {
        var issuer = options.Issuer?.Trim().TrimEnd('/');
        if (!Uri.TryCreate(issuer, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || !string.IsNullOrEmpty(uri.Query))
        {
            throw new ArgumentException(
                $"ScalekitTestAuthorityOptions.Issuer '{options.Issuer}' must be an absolute https URL without a query, such as {DefaultIssuer}. " +
                "Any host works: nothing goes over the network.", "configure");
        }

        if (options.Audience is not null && string.IsNullOrWhiteSpace(options.Audience))
        {
            throw new ArgumentException("ScalekitTestAuthorityOptions.Audience must be null (the app's audience) or a non-blank value.", "configure");
        }

        if (string.IsNullOrWhiteSpace(options.ClientId) || string.IsNullOrWhiteSpace(options.OrganizationId))
        {
            throw new ArgumentException("ScalekitTestAuthorityOptions.ClientId and OrganizationId must not be blank (they default to new m2morg_… and org_… ids).", "configure");
        }

        if (options.TokenLifetime <= TimeSpan.Zero)
        {
            throw new ArgumentException($"ScalekitTestAuthorityOptions.TokenLifetime must be positive (it is {options.TokenLifetime}).", "configure");
        }

        return issuer!;
    }

    /// <summary>The signing key and the published ones, swapped as a whole under the lock.</summary>
    private sealed record KeyState(AuthorityKey Current, IReadOnlyList<AuthorityKey> Published);
}
