using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Scalekit.AspNetCore;

/// <summary>
/// The caches of each authentication scheme, created on first use: the <see cref="SigningKeyCache"/> shared by the token
/// validator and the handler, and the <see cref="ValidatedTokenCache"/> the handler consults first. Each scheme has its
/// own: a token valid for one scheme's audience never passes another scheme from the cache.
/// </summary>
internal sealed class ScalekitCacheRegistry(
    IServiceProvider services,
    IOptionsMonitor<ScalekitApiAuthOptions> options,
    IHttpClientFactory httpClientFactory,
    TimeProvider time,
    ILoggerFactory loggerFactory,
    ScalekitMetrics metrics) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<SchemeCaches>> _caches = new(StringComparer.Ordinal);

    public SchemeCaches Get(string scheme) =>
        _caches.GetOrAdd(scheme, name => new Lazy<SchemeCaches>(() => Create(name))).Value;

    public void Dispose()
    {
        foreach (var caches in _caches.Values.Where(c => c.IsValueCreated))
        {
            caches.Value.Tokens?.Dispose();
            caches.Value.ApiKeys?.Dispose();
        }
    }

    private SchemeCaches Create(string scheme)
    {
        var schemeOptions = options.Get(scheme);
        var keys = new SigningKeyCache(
            ScalekitEndpoints.From(schemeOptions),
            schemeOptions,
            httpClientFactory,
            time,
            loggerFactory.CreateLogger("Scalekit.AspNetCore.SigningKeys"),
            metrics,
            scheme);
        var tokens = schemeOptions.TokenCache.Enabled ? new ValidatedTokenCache(schemeOptions.TokenCache, time) : null;
        var apiKeys = schemeOptions.ApiKeys.Enabled ? ApiKeyAuthenticator.Create(schemeOptions.ApiKeys, services, time, loggerFactory) : null;
        return new SchemeCaches(keys, tokens, apiKeys);
    }
}

/// <summary>
/// The caches of one scheme; <see cref="Tokens"/> is <see langword="null"/> when the validated-token cache is turned
/// off, <see cref="ApiKeys"/> when API keys are (the default).
/// </summary>
internal sealed record SchemeCaches(SigningKeyCache Keys, ValidatedTokenCache? Tokens, ApiKeyAuthenticator? ApiKeys = null);
