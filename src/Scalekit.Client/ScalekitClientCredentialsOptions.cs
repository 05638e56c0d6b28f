namespace Scalekit.Client;

/// <summary>
/// Options of a client-credentials registration: who the caller is, what it asks for, and where its token may go.
/// Bound from <c>Scalekit:Client</c> (or <c>Scalekit:Management</c>) and the <c>SCALEKIT_*</c> environment variables,
/// and validated when the application starts.
/// </summary>
public sealed class ScalekitClientCredentialsOptions
{
    /// <summary>
    /// The Scalekit environment URL, for example <c>https://acme.scalekit.dev</c>. Required.
    /// Config key <c>Scalekit:Client:EnvironmentUrl</c> (else <c>Scalekit:EnvironmentUrl</c>), environment variable
    /// <c>SCALEKIT_ENVIRONMENT_URL</c>.
    /// </summary>
    public string? EnvironmentUrl { get; set; }

    /// <summary>The client id, such as <c>m2morg_68315758685323697</c>. Required. Environment variable <c>SCALEKIT_CLIENT_ID</c>.</summary>
    public string? ClientId { get; set; }

    /// <summary>The client secret. Required; never logged. Environment variable <c>SCALEKIT_CLIENT_SECRET</c>.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>
    /// The scopes to request (sent space-delimited as <c>scope</c>). Empty by default: the token then carries every
    /// scope the client is registered with. Config keys <c>Scopes</c> (array) or <c>Scope</c> (space separated).
    /// </summary>
    public IList<string> Scopes { get; set; } = [];

    /// <summary>Secret in the form body (the default, as Scalekit's SDKs do) or HTTP Basic.</summary>
    public ScalekitClientAuthentication ClientAuthentication { get; set; } = ScalekitClientAuthentication.ClientSecretPost;

    /// <summary>The token endpoint. Defaults to <c>&lt;EnvironmentUrl&gt;/oauth/token</c>.</summary>
    public string? TokenEndpoint { get; set; }

    /// <summary>
    /// A cached token is replaced when less than this remains of it, or less than a tenth of its lifetime, whichever is
    /// smaller. Defaults to 60 seconds.
    /// </summary>
    public TimeSpan RefreshBeforeExpiry { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Hosts the token may be sent to besides the HttpClient's <c>BaseAddress</c>: absolute URLs (that scheme, host and
    /// port only) or host names, optionally with <c>:port</c>. A request to any other host is refused before a token is
    /// attached.
    /// </summary>
    public IList<string> AllowedHosts { get; set; } = [];

    /// <summary>
    /// Send tokens over HTTPS only; plain HTTP is allowed to loopback hosts (<c>localhost</c>, <c>127.0.0.1</c>,
    /// <c>[::1]</c>) so that the local emulator works. Also applies to the token endpoint. Defaults to <see langword="true"/>.
    /// </summary>
    public bool RequireHttps { get; set; } = true;

    /// <summary>
    /// Buffer request bodies before the first send, so that a request refused with 401 <c>invalid_token</c> can be sent
    /// again with a new token. When <see langword="false"/>, requests with a body are not retried after a 401.
    /// Defaults to <see langword="true"/>.
    /// </summary>
    public bool BufferRequestContent { get; set; } = true;

    /// <summary>
    /// The largest body buffered for that retry, in bytes: a body whose <c>Content-Length</c> is larger (a file upload,
    /// say) is sent once and not retried after a 401. Defaults to 1 MiB.
    /// </summary>
    public long MaxBufferedRequestSize { get; set; } = 1024 * 1024;

    /// <summary>
    /// Share tokens between instances of the service through the registered <c>HybridCache</c> (with Redis as its
    /// distributed cache, say). Requires <c>services.AddHybridCache()</c>. Defaults to <see langword="false"/>: each
    /// process keeps its own tokens in memory.
    /// </summary>
    public bool UseSharedTokenCache { get; set; }

    /// <summary>Retries and time-outs of token requests.</summary>
    public ScalekitTokenRequestOptions TokenRequest { get; set; } = new();
}
