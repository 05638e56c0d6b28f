namespace Scalekit.AspNetCore;

/// <summary>
/// API keys: long-lived opaque keys of an organization or a user (Scalekit's "API tokens", ids <c>apit_…</c>), which
/// the API checks by asking Scalekit. Off by default, because each key the API has not seen costs a call to Scalekit.
/// Config section <c>Scalekit:ApiKeys</c>.
/// </summary>
/// <remarks>
/// <para>
/// When on, a bearer value that is not a compact JWS (three dot-separated parts) is taken for an API key. It is checked
/// with the environment client (<c>SCALEKIT_CLIENT_ID</c> / <c>SCALEKIT_CLIENT_SECRET</c>, or the
/// <c>Scalekit:Management</c> section), validated at start-up, through the <c>Scalekit.Client</c> package's token
/// handling, on the <see cref="ScalekitApiAuthDefaults.ApiKeysHttpClientName"/> HttpClient.
/// </para>
/// <para>
/// A validated key is remembered by its SHA-256 (never the key) for at most <see cref="CacheDuration"/>, never past its
/// expiry: <b>a key invalidated in Scalekit keeps working here for at most <see cref="CacheDuration"/></b>.
/// </para>
/// </remarks>
public sealed class ScalekitApiKeyOptions
{
    /// <summary>Whether API keys are accepted. Defaults to <see langword="false"/>; config key <c>Scalekit:ApiKeys:Enabled</c>.</summary>
    /// <remarks>
    /// <para>
    /// <b>Turning keys on opens every endpoint that only has <c>RequireAuthorization()</c> (or <c>[Authorize]</c>) to
    /// any key of the environment.</b> Restrict an endpoint meant for API clients with a policy on the caller's kind:
    /// <c>p.RequireAssertion(c =&gt; c.User.GetScalekitClient()?.Kind == ScalekitCallerKind.ApiClient)</c> (or on the
    /// absence of the <see cref="ScalekitClaimTypes.ApiKeyId"/> claim). A scope requirement already refuses keys.
    /// </para>
    /// <para>
    /// <b>JwtBearer's events (<c>OnTokenValidated</c>, <c>OnAuthenticationFailed</c>, <c>OnChallenge</c>) do not run for
    /// API keys</b>: checks written there do not see keys; put them in an authorization policy or an
    /// <c>IClaimsTransformation</c>.
    /// </para>
    /// <para>
    /// Keys are validated at the environment client's environment; every scheme with keys on must trust that
    /// environment, or the start stops.
    /// </para>
    /// </remarks>
    public bool Enabled { get; set; }

    /// <summary>
    /// The longest a key that Scalekit accepted is accepted again without asking, never past its expiry. It is also how
    /// long a key invalidated in Scalekit may keep working here. Defaults to 1 minute; at most 1 hour.
    /// </summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a key that Scalekit refused is refused again without asking. Defaults to 10 seconds; at most <see cref="CacheDuration"/>.</summary>
    public TimeSpan RefusalCacheDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many validation results (acceptances and refusals) are kept per scheme. Defaults to 10,000.</summary>
    public int MaxEntries { get; set; } = 10_000;

    /// <summary>
    /// The sustained rate of validation calls to Scalekit, per second, per scheme and instance: keys found in no cache
    /// beyond it (a flood of made-up keys) are refused with 401 without a call. Defaults to 50.
    /// </summary>
    public double ValidationsPerSecond { get; set; } = 50;

    /// <summary>How many validation calls may be made at once above <see cref="ValidationsPerSecond"/> (the bucket's size). Defaults to 200.</summary>
    public int ValidationBurst { get; set; } = 200;

    /// <summary>How long one validation call may take before the key is answered 503. Defaults to 10 seconds; at most 1 minute.</summary>
    public TimeSpan ValidationTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Whether validation results are shared between instances through the application's <c>HybridCache</c>, when one is
    /// registered (with Redis as its distributed cache, a fleet asks Scalekit once per key per <see cref="CacheDuration"/>).
    /// Defaults to <see langword="true"/>; without a registered <c>HybridCache</c> it does nothing.
    /// </summary>
    public bool UseSharedCache { get; set; } = true;
}
