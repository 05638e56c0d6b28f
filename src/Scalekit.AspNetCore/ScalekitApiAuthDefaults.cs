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

    /// <summary>
    /// The name of the <see cref="System.Diagnostics.Metrics.Meter"/> that counts validations and key fetches, and of the
    /// <see cref="System.Diagnostics.ActivitySource"/> of the resource server: <c>Scalekit.AspNetCore</c>. Pass it to
    /// OpenTelemetry's <c>AddMeter</c> and <c>AddSource</c>.
    /// </summary>
    public const string MeterName = "Scalekit.AspNetCore";

    /// <summary>The name of the <see cref="System.Diagnostics.ActivitySource"/> of the resource server, the same as <see cref="MeterName"/>.</summary>
    public const string ActivitySourceName = MeterName;

    /// <summary>
    /// The activity (span) of one full token validation on <see cref="ActivitySourceName"/>: strict reading, signing key
    /// preparation (a JWKS fetch it waits for is a child span) and JwtBearer's checks. A validated-token cache hit has none.
    /// </summary>
    public const string TokenValidationActivityName = "Scalekit.AspNetCore.ValidateToken";

    /// <summary>The activity (span) of one GET of the JWKS on <see cref="ActivitySourceName"/>.</summary>
    public const string JwksFetchActivityName = "Scalekit.AspNetCore.FetchJwks";

    /// <summary>
    /// The activity (span) of one API key validation call to Scalekit (<c>POST /api/v1/tokens:validate</c>) on
    /// <see cref="ActivitySourceName"/>: tags <c>server.address</c>, <c>server.port</c>, <c>http.response.status_code</c>,
    /// <c>scalekit.auth.outcome</c> and, when Scalekit could not be asked, <c>error.type</c>; never key text. A key
    /// answered from a cache has none.
    /// </summary>
    public const string ApiKeyValidationActivityName = "Scalekit.AspNetCore.ValidateApiKey";

    /// <summary>The activity (span) of one GET of the OpenID discovery document on <see cref="ActivitySourceName"/>.</summary>
    public const string DiscoveryFetchActivityName = "Scalekit.AspNetCore.FetchDiscovery";

    /// <summary>
    /// The counter of token validations on <see cref="MeterName"/>, unit <c>{token}</c>; tag <c>outcome</c>
    /// (<c>success</c> or a refusal reason such as <c>expired</c>) and, on successes, <c>cache</c> (<c>hit</c>, <c>miss</c>).
    /// API keys are counted here too, with the tag <c>credential</c> = <c>api_key</c> (outcomes <c>success</c>,
    /// <c>api_key_refused</c>, <c>api_key_malformed</c>, <c>api_key_throttled</c>, <c>api_keys_unavailable</c>).
    /// </summary>
    public const string TokenValidationsMetricName = "scalekit.auth.token.validations";

    /// <summary>
    /// The counter of JWKS fetches on <see cref="MeterName"/>, unit <c>{fetch}</c>; tags <c>trigger</c>
    /// (<c>cold_start</c>, <c>unknown_kid</c>, <c>interval</c>) and <c>outcome</c> (<c>success</c>, <c>failure</c>).
    /// </summary>
    public const string JwksFetchesMetricName = "scalekit.auth.jwks.fetches";

    /// <summary>
    /// The histogram of JWKS fetch durations on <see cref="MeterName"/>, in seconds (the discovery document included when
    /// it is read first); tags <c>trigger</c> and <c>outcome</c>, as on <see cref="JwksFetchesMetricName"/>.
    /// </summary>
    public const string JwksFetchDurationMetricName = "scalekit.auth.jwks.fetch.duration";

    /// <summary>
    /// The histogram of full token validation durations on <see cref="MeterName"/>, in seconds: every token the
    /// validated-token cache did not answer for, from the strict reading to JwtBearer's result (a wait for signing keys
    /// included); tag <c>outcome</c>, as on <see cref="TokenValidationsMetricName"/>.
    /// </summary>
    public const string TokenValidationDurationMetricName = "scalekit.auth.token.validation.duration";
}
