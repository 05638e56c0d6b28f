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
}
