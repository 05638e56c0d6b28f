using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Scalekit.AspNetCore.Tests.Framework;
using Scalekit.AspNetCore.Tests.SigningKeys;

namespace Scalekit.AspNetCore.Tests.TokenCache;

/// <summary>
/// A <see cref="SigningKeysHost"/> (issuer, API, fake clock, fetch record) that also shows what the validated-token cache
/// did: how often JwtBearer's validation looked up a signing key (once per token it validated in full), the
/// <c>cache</c> tag of each success, the principals the endpoint saw, and the cache itself.
/// </summary>
internal sealed class TokenCacheHost : IAsyncDisposable
{
    /// <summary>Requires authentication; records the request's user in <see cref="Principals"/>.</summary>
    public const string PrincipalEndpoint = "/fast/principal";

    private readonly StrongBox<int> _signatureChecks;
    private readonly MetricCollector<long> _validations;

    private TokenCacheHost(SigningKeysHost host, StrongBox<int> signatureChecks, ConcurrentQueue<ClaimsPrincipal> principals)
    {
        Host = host;
        _signatureChecks = signatureChecks;
        Principals = principals;
        _validations = new MetricCollector<long>(
            host.Api.Services.GetRequiredService<IMeterFactory>(), ScalekitApiAuthDefaults.MeterName, ScalekitApiAuthDefaults.TokenValidationsMetricName);
    }

    public SigningKeysHost Host { get; }

    /// <summary>How many times JwtBearer's validation resolved a signing key: the signature work done.</summary>
    public int SignatureChecks => Volatile.Read(ref _signatureChecks.Value);

    /// <summary>The users <see cref="PrincipalEndpoint"/> was called with, oldest first.</summary>
    public ConcurrentQueue<ClaimsPrincipal> Principals { get; }

    /// <summary>The <c>cache</c> tag of every success counted so far, oldest first: <c>hit</c> or <c>miss</c>.</summary>
    public IReadOnlyList<string?> CacheTags =>
        _validations.GetMeasurementSnapshot().Where(m => m.Tags["outcome"] as string == "success").Select(m => m.Tags["cache"] as string).ToList();

    public ValidatedTokenCache Cache =>
        Host.Api.Services.GetRequiredService<ScalekitCacheRegistry>().Get(ScalekitApiAuthDefaults.AuthenticationScheme).Tokens!;

    /// <summary>
    /// Starts the host with the cache's <c>MaxAge</c> beyond the key refresh interval (so that a test about keys is not
    /// passed by the age limit) and tokens cached on first use (what a cached token does is the subject here;
    /// <see cref="AdmissionTests"/> covers the default of caching on the second), then <paramref name="configure"/> and <paramref name="jwtBearer"/>. With
    /// <paramref name="oneConnection"/>, every request arrives as if on one kept-alive HTTP/1.1 connection (shared
    /// connection items, as Kestrel has them; TestServer has none).
    /// </summary>
    public static async Task<TokenCacheHost> StartAsync(
        Action<ScalekitApiAuthOptions>? configure = null, Action<JwtBearerOptions>? jwtBearer = null, bool oneConnection = false)
    {
        var signatureChecks = new StrongBox<int>();
        var principals = new ConcurrentQueue<ClaimsPrincipal>();
        var host = await SigningKeysHost.StartAsync(
            configure: options =>
            {
                options.TokenCache.MaxAge = TimeSpan.FromHours(1);
                options.TokenCache.CacheOnFirstUse = true;
                configure?.Invoke(options);
            },
            services: services => services.PostConfigure<JwtBearerOptions>(ScalekitApiAuthDefaults.AuthenticationScheme, options =>
            {
                var resolve = options.TokenValidationParameters.IssuerSigningKeyResolver;
                options.TokenValidationParameters.IssuerSigningKeyResolver = (token, securityToken, kid, parameters) =>
                {
                    Interlocked.Increment(ref signatureChecks.Value);
                    return resolve(token, securityToken, kid, parameters);
                };
                jwtBearer?.Invoke(options);
            }),
            map: app =>
            {
                if (oneConnection)
                {
                    var connection = new ConnectionItemsFeature();
                    app.Use((context, next) =>
                    {
                        context.Features.Set<IConnectionItemsFeature>(connection);
                        return next(context);
                    });
                    app.UseAuthentication();
                    app.UseAuthorization();
                }

                app.MapGet(PrincipalEndpoint, (ClaimsPrincipal user) =>
                {
                    principals.Enqueue(user);
                    return "ok";
                }).RequireAuthorization();
            });
        return new TokenCacheHost(host, signatureChecks, principals);
    }

    /// <summary>A valid token that expires <paramref name="lifetime"/> from now (the fake clock starts at the real time).</summary>
    public string TokenExpiringIn(TimeSpan lifetime) =>
        Host.Issuer.TokenWith(p => p.SetLifetime(TimeSpan.Zero, TimeSpan.Zero, expiresFromNow: lifetime));

    /// <summary>
    /// Publishes a new key, retires the primary one and sends a token of the new key: its unknown <c>kid</c> brings the
    /// new JWKS in at once.
    /// </summary>
    public async Task RotateAsync()
    {
        var newKey = Host.Issuer.Publish(TestSigningKey.Create());
        Host.Issuer.Retire(Host.Issuer.PrimaryKey);
        await SendAsync(Host.TokenSignedBy(newKey));
    }

    /// <summary>GET <see cref="PrincipalEndpoint"/> with <paramref name="token"/>.</summary>
    public async Task<HttpStatusCode> SendAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, PrincipalEndpoint);
        request.Headers.Authorization = new("Bearer", token);
        using var response = await Host.Api.Client.SendAsync(request).Bounded();
        return response.StatusCode;
    }

    /// <summary>Sends <paramref name="token"/> <paramref name="times"/> times and returns the statuses.</summary>
    public async Task<List<HttpStatusCode>> SendAsync(string token, int times)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < times; i++)
        {
            statuses.Add(await SendAsync(token));
        }

        return statuses;
    }

    public async ValueTask DisposeAsync()
    {
        _validations.Dispose();
        await Host.DisposeAsync();
    }

    private sealed class ConnectionItemsFeature : IConnectionItemsFeature
    {
        public IDictionary<object, object?> Items { get; set; } = new Dictionary<object, object?>();
    }
}
