namespace Scalekit.AspNetCore;

/// <summary>
/// Options for Scalekit API authentication. Bound from the <c>Scalekit</c> configuration section by
/// <c>builder.AddScalekitApiAuth()</c> and validated when the application starts.
/// </summary>
public sealed class ScalekitApiAuthOptions
{
    /// <summary>
    /// The Scalekit environment URL, for example <c>https://acme.scalekit.dev</c>. Required and absolute.
    /// Config key <c>Scalekit:EnvironmentUrl</c>, environment variable <c>SCALEKIT_ENVIRONMENT_URL</c>.
    /// </summary>
    public string? EnvironmentUrl { get; set; }

    /// <summary>
    /// The audiences this API accepts. A token passes when any of its <c>aud</c> values equals any value here.
    /// Required unless <see cref="DisableAudienceValidation"/> is set. Config keys <c>Scalekit:Audiences</c>
    /// (array) or <c>Scalekit:Audience</c> (comma separated), environment variable <c>SCALEKIT_AUDIENCE</c>.
    /// </summary>
    public IList<string> Audiences { get; set; } = [];

    /// <summary>
    /// Accept tokens whatever their audience. Off by default; turning it on is logged as a warning at
    /// start-up, because a token issued for another API of the same environment then passes here too.
    /// </summary>
    public bool DisableAudienceValidation { get; set; }

    /// <summary>
    /// The expected <c>iss</c> claim. Defaults to <see cref="EnvironmentUrl"/>; compared exactly, except that a
    /// trailing slash is ignored.
    /// </summary>
    public string? Issuer { get; set; }

    /// <summary>The JWKS address. Defaults to <c>&lt;EnvironmentUrl&gt;/keys</c>.</summary>
    public string? JwksUri { get; set; }

    /// <summary>
    /// An OpenID discovery document (<c>/.well-known/openid-configuration</c>) to read the JWKS address from,
    /// instead of <see cref="JwksUri"/>. Leave both unset to use <c>&lt;EnvironmentUrl&gt;/keys</c> directly.
    /// </summary>
    public string? DiscoveryUri { get; set; }

    /// <summary>
    /// The clock skew allowed when checking <c>exp</c> and <c>nbf</c>. Defaults to 30 seconds
    /// (JwtBearer's default is 5 minutes).
    /// </summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Require HTTPS for the JWKS and discovery addresses. Loopback addresses (<c>localhost</c>, <c>127.0.0.1</c>,
    /// <c>::1</c>) are always allowed over plain HTTP so that the local emulator works. Defaults to <see langword="true"/>.
    /// </summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>
    /// Tokens longer than this many characters are rejected before they are parsed. Defaults to 16 KiB.
    /// </summary>
    public int MaxTokenSize { get; set; } = 16 * 1024;

    /// <summary>How signing keys are fetched and cached.</summary>
    public ScalekitKeyCacheOptions Keys { get; set; } = new();

    /// <summary>How validated tokens are cached, so that a token seen before skips signature work.</summary>
    public ScalekitTokenCacheOptions TokenCache { get; set; } = new();

    /// <summary>
    /// Whether and how API keys (opaque keys of an organization or a user, checked by asking Scalekit) are accepted
    /// beside access tokens. Off by default; config section <c>Scalekit:ApiKeys</c>.
    /// </summary>
    public ScalekitApiKeyOptions ApiKeys { get; set; } = new();

    /// <summary>
    /// Whether a request that a Scalekit scheme authenticated, to an endpoint whose policy asks only for an
    /// authenticated user and Scalekit scopes, is let through by checking those requirements directly instead of
    /// through ASP.NET Core's <c>IAuthorizationService</c>. Defaults to <see langword="true"/>; config key
    /// <c>Scalekit:FastAuthorization</c>.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The answer is the same: the shortcut is taken only while the application's authorization services are ASP.NET
    /// Core's own and no authorization handler of its own or claims transformation could see these requirements, and
    /// only to let a request through; every refusal goes the usual way. This is decided once for the application, on
    /// its first request: a container that gives requests different authorization services (per-tenant child
    /// containers) should turn it off.
    /// </para>
    /// <para>
    /// For the requests it lets through, it skips ASP.NET Core's <c>aspnetcore.authorization.attempts</c> counter and
    /// its debug log line "Authorization was successful", the second authentication a policy naming the scheme makes
    /// (and its debug line and metric), and the construction of the application's scoped and transient authorization
    /// handlers. Set it to <see langword="false"/> (on every Scalekit scheme) to keep them.
    /// </para>
    /// </remarks>
    public bool FastAuthorization { get; set; } = true;
}
