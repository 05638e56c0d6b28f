using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Scalekit.AspNetCore.Internal;

/// <summary>One <see cref="SigningKeyCache"/> per authentication scheme, shared by the token validator and the handler.</summary>
internal sealed class SigningKeyCacheRegistry(
    IOptionsMonitor<ScalekitApiAuthOptions> options,
    IHttpClientFactory httpClientFactory,
    TimeProvider time,
    ILoggerFactory loggerFactory,
    ScalekitMetrics metrics)
{
    private readonly ConcurrentDictionary<string, Lazy<SigningKeyCache>> _caches = new(StringComparer.Ordinal);

    public SigningKeyCache Get(string scheme) =>
        _caches.GetOrAdd(scheme, name => new Lazy<SigningKeyCache>(() => Create(name))).Value;

    private SigningKeyCache Create(string scheme)
    {
        var schemeOptions = options.Get(scheme);
        return new SigningKeyCache(
            ScalekitEndpoints.From(schemeOptions),
            schemeOptions,
            httpClientFactory,
            time,
            loggerFactory.CreateLogger("Scalekit.AspNetCore.SigningKeys"),
            metrics);
    }
}
