using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.SigningKeys;

/// <summary>
/// A <see cref="SigningKeyCache"/> on its own, fetching over real HTTP from a <see cref="JwksServer"/>: for what the
/// pipeline cannot show deterministically, such as how many callers joined a fetch before it was answered.
/// </summary>
internal sealed class CacheUnderTest : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private CacheUnderTest(JwksServer issuer, ServiceProvider services)
    {
        Issuer = issuer;
        _services = services;
        var meters = Meters = services.GetRequiredService<IMeterFactory>();
        Fetches = new KeyFetchRecorder(meters);
        var options = new ScalekitApiAuthOptions { EnvironmentUrl = issuer.EnvironmentUrl };
        SigningKeyTimings.Apply(options.Keys);
        Cache = new SigningKeyCache(
            ScalekitEndpoints.From(options),
            options,
            services.GetRequiredService<IHttpClientFactory>(),
            Time,
            NullLogger.Instance,
            new ScalekitMetrics(meters),
            ScalekitApiAuthDefaults.AuthenticationScheme);
    }

    public JwksServer Issuer { get; }

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public SigningKeyCache Cache { get; }

    public KeyFetchRecorder Fetches { get; }

    /// <summary>The scope of the cache's meter: listeners must filter on it, since tests run in parallel.</summary>
    public IMeterFactory Meters { get; }

    public string PrimaryKid => Issuer.PrimaryKey.Kid;

    public static async Task<CacheUnderTest> StartAsync()
    {
        var issuer = await JwksServer.StartAsync();
        var services = new ServiceCollection().AddHttpClient().AddMetrics().BuildServiceProvider();
        return new CacheUnderTest(issuer, services);
    }

    /// <summary>Prepares for a token naming <paramref name="kid"/>, as the handler does before validation.</summary>
    public Task<TimeSpan?> PrepareAsync(string? kid, CancellationToken cancellationToken = default) =>
        Cache.PrepareAsync(kid, cancellationToken).AsTask();

    public async ValueTask DisposeAsync()
    {
        Fetches.Dispose();
        await _services.DisposeAsync();
        await Issuer.DisposeAsync();
    }
}
