namespace Scalekit.AspNetCore;

/// <summary>
/// Default values used by Scalekit API authentication.
/// </summary>
public static class ScalekitApiAuthDefaults
{
    /// <summary>The default authentication scheme name: <c>Scalekit</c>.</summary>
    public const string AuthenticationScheme = "Scalekit";

    /// <summary>The configuration section read by <c>builder.AddScalekitApiAuth()</c>: <c>Scalekit</c>.</summary>
    public const string ConfigurationSection = "Scalekit";

    /// <summary>The environment variable that holds the Scalekit environment URL.</summary>
    public const string EnvironmentUrlVariable = "SCALEKIT_ENVIRONMENT_URL";

    /// <summary>The environment variable that holds the accepted audience(s), comma separated.</summary>
    public const string AudienceVariable = "SCALEKIT_AUDIENCE";

    /// <summary>The name of the <see cref="System.Net.Http.HttpClient"/> used to fetch the JWKS and discovery document.</summary>
    public const string BackchannelHttpClientName = "Scalekit.Backchannel";

    /// <summary>
    /// The name of the <see cref="System.Net.Http.HttpClient"/> that validates API keys at Scalekit, with the environment
    /// client's token (registered only when API keys are on).
    /// </summary>
    public const string ApiKeysHttpClientName = "Scalekit.ApiKeys";

    /// <summary>The path of the JWKS below the environment URL: <c>/keys</c>.</summary>
    public const string JwksPath = "/keys";

    /// <summary>The name of the <see cref="System.Diagnostics.Metrics.Meter"/> that counts validations and key fetches.</summary>
    public const string MeterName = "Scalekit.AspNetCore";

    /// <summary>
    /// The counter of token validations on <see cref="MeterName"/>, unit <c>{token}</c>; tag <c>outcome</c>
    /// (<c>success</c> or a refusal reason such as <c>expired</c>) and, on successes, <c>cache</c> (<c>hit</c>, <c>miss</c>).
    /// </summary>
    public const string TokenValidationsMetricName = "scalekit.auth.token.validations";

    /// <summary>
    /// The counter of JWKS fetches on <see cref="MeterName"/>, unit <c>{fetch}</c>; tags <c>trigger</c>
    /// (<c>cold_start</c>, <c>unknown_kid</c>, <c>interval</c>) and <c>outcome</c> (<c>success</c>, <c>failure</c>).
    /// </summary>
    public const string JwksFetchesMetricName = "scalekit.auth.jwks.fetches";
}
