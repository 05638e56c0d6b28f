namespace Scalekit.Client;

/// <summary>
/// Default values used by the Scalekit client: configuration sections, environment variables and HttpClient names.
/// </summary>
public static class ScalekitClientDefaults
{
    /// <summary>
    /// The configuration section read by <c>AddScalekitClientCredentials()</c>: <c>Scalekit:Client</c>, the caller's
    /// own API client (<c>m2morg_…</c>).
    /// </summary>
    public const string ConfigurationSection = "Scalekit:Client";

    /// <summary>
    /// The configuration section read by <c>AddScalekitManagementClient()</c>: <c>Scalekit:Management</c>, the
    /// environment's own client that is allowed to call the management API.
    /// </summary>
    public const string ManagementConfigurationSection = "Scalekit:Management";

    /// <summary>
    /// The configuration key read when neither the section nor <see cref="EnvironmentUrlVariable"/> sets the
    /// environment URL: <c>Scalekit:EnvironmentUrl</c>, the key the resource server reads too.
    /// </summary>
    public const string SharedEnvironmentUrlKey = "Scalekit:EnvironmentUrl";

    /// <summary>The environment variable that holds the Scalekit environment URL, as in Scalekit's guides.</summary>
    public const string EnvironmentUrlVariable = "SCALEKIT_ENVIRONMENT_URL";

    /// <summary>The environment variable that holds the client id, as in Scalekit's guides.</summary>
    public const string ClientIdVariable = "SCALEKIT_CLIENT_ID";

    /// <summary>The environment variable that holds the client secret, as in Scalekit's guides.</summary>
    public const string ClientSecretVariable = "SCALEKIT_CLIENT_SECRET";

    /// <summary>The path of the token endpoint below the environment URL: <c>/oauth/token</c>.</summary>
    public const string TokenPath = "/oauth/token";

    /// <summary>The name of the <see cref="System.Net.Http.HttpClient"/> of <c>ScalekitManagementClient</c>.</summary>
    public const string ManagementHttpClientName = "Scalekit.Management";

    /// <summary>
    /// The token endpoint is called with the named <see cref="System.Net.Http.HttpClient"/> <c>Scalekit.Token:&lt;client name&gt;</c>,
    /// where the client name is the name of the HttpClient the credentials were added to.
    /// </summary>
    public const string TokenHttpClientNamePrefix = "Scalekit.Token:";

    /// <summary>The prefix of the keys under which tokens are kept in the shared <c>HybridCache</c>.</summary>
    public const string SharedCacheKeyPrefix = "scalekit:client-token:v1:";

    /// <summary>
    /// The name of the <see cref="System.Diagnostics.Metrics.Meter"/> and of the <see cref="System.Diagnostics.ActivitySource"/>
    /// of the client: <c>Scalekit.Client</c>. Pass it to OpenTelemetry's <c>AddMeter</c> and <c>AddSource</c>.
    /// </summary>
    public const string MeterName = "Scalekit.Client";

    /// <summary>The name of the <see cref="System.Diagnostics.ActivitySource"/> of the client, the same as <see cref="MeterName"/>.</summary>
    public const string ActivitySourceName = MeterName;

    /// <summary>
    /// The counter of token requests on <see cref="MeterName"/>, unit <c>{request}</c>; tags <c>outcome</c>
    /// (<c>success</c>, <c>refused</c>, <c>unreachable</c>, <c>invalid_response</c>, <c>canceled</c>, <c>failure</c>) and, when the
    /// endpoint refused with an OAuth error, <c>oauth.error</c> (<c>invalid_client</c>, <c>invalid_scope</c>, …).
    /// </summary>
    public const string TokenRequestsMetricName = "scalekit.client.token.requests";

    /// <summary>The histogram of token request durations on <see cref="MeterName"/>, in seconds (retries included); tag <c>outcome</c>.</summary>
    public const string TokenRequestDurationMetricName = "scalekit.client.token.request.duration";

    /// <summary>
    /// The counter of in-memory token cache lookups on <see cref="MeterName"/>, unit <c>{lookup}</c>; tag <c>cache</c>
    /// (<c>hit</c>: a fresh token was handed out; <c>miss</c>: the caller waited for a new one).
    /// </summary>
    public const string TokenCacheLookupsMetricName = "scalekit.client.token.cache.lookups";

    /// <summary>
    /// The counter of token refreshes on <see cref="MeterName"/>, unit <c>{refresh}</c>: a cached token replaced; tag
    /// <c>reason</c> (<c>refresh_time</c>: it reached its refresh time; <c>rejected</c>: an API refused it, or a caller forced it).
    /// </summary>
    public const string TokenRefreshesMetricName = "scalekit.client.token.refreshes";

    /// <summary>
    /// The counter of requests sent again after a 401 on <see cref="MeterName"/>, unit <c>{retry}</c>; tag <c>reason</c>
    /// (<c>invalid_token</c>, <c>no error</c> for a bare Bearer challenge).
    /// </summary>
    public const string UnauthorizedRetriesMetricName = "scalekit.client.unauthorized.retries";

    /// <summary>The counter of shared token cache failures on <see cref="MeterName"/>, unit <c>{failure}</c>; tag <c>operation</c> (<c>read</c>, <c>write</c>).</summary>
    public const string SharedCacheFailuresMetricName = "scalekit.client.shared_cache.failures";

    /// <summary>The name of the activity (span) of a token request on <see cref="ActivitySourceName"/>.</summary>
    public const string TokenRequestActivityName = "Scalekit.Client.TokenRequest";
}
