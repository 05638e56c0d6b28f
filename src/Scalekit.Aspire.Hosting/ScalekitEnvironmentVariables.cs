namespace Aspire.Hosting;

/// <summary>
/// The environment variables that <c>WithReference(scalekit)</c> and <c>WithScalekitManagement(scalekit)</c> give a
/// service: the names Scalekit's guides use, which <c>Scalekit.AspNetCore</c> and <c>Scalekit.Client</c> read.
/// </summary>
public static class ScalekitEnvironmentVariables
{
    /// <summary>The environment URL, such as <c>http://localhost:53111</c>: the tokens' <c>iss</c>.</summary>
    public const string EnvironmentUrl = "SCALEKIT_ENVIRONMENT_URL";

    /// <summary>The environment client's id, for a service that manages API clients.</summary>
    public const string ClientId = "SCALEKIT_CLIENT_ID";

    /// <summary>The environment client's secret, for a service that manages API clients.</summary>
    public const string ClientSecret = "SCALEKIT_CLIENT_SECRET";
}
