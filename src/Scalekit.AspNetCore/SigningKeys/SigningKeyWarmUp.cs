using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Scalekit.AspNetCore;

/// <summary>
/// Fetches the signing keys of every Scalekit scheme with <see cref="ScalekitKeyCacheOptions.WarmUp"/> on as the host
/// starts, in the background, retrying with the cache's back-off until they are cached. The start waits at most
/// <see cref="ScalekitKeyCacheOptions.StartupWait"/> for them (not at all by default). Stopping the host stops the warm-up.
/// </summary>
internal sealed class SigningKeyWarmUp(
    IOptions<ScalekitSchemeOptions> schemes,
    IOptionsMonitor<ScalekitApiAuthOptions> options,
    ScalekitCacheRegistry caches,
    TimeProvider time,
    ILoggerFactory loggerFactory) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _warmUps = [];
    private int _disposed;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var waits = new List<Task>();
        foreach (var scheme in schemes.Value.Schemes.Distinct(StringComparer.Ordinal))
        {
            var keys = options.Get(scheme).Keys;
            if (!keys.WarmUp)
            {
                continue;
            }

            var cache = caches.Get(scheme).Keys;
            var warmUp = Task.Run(() => cache.WarmUpAsync(_stopping.Token), CancellationToken.None);
            _warmUps.Add(warmUp);
            if (keys.StartupWait > TimeSpan.Zero)
            {
                waits.Add(WaitAsync(scheme, warmUp, keys.StartupWait, cancellationToken));
            }
        }

        await Task.WhenAll(waits).ConfigureAwait(false);
    }

    private async Task WaitAsync(string scheme, Task warmUp, TimeSpan limit, CancellationToken cancellationToken)
    {
        await warmUp.WaitAsync(limit, time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (!warmUp.IsCompleted && !cancellationToken.IsCancellationRequested)
        {
            loggerFactory.CreateLogger("Scalekit.AspNetCore.SigningKeys").SigningKeysWarmUpPending(scheme, limit);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // A host may be stopped after its services were disposed (WebApplicationFactory disposing twice): then the
        // warm-up was cancelled already.
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_warmUps).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _stopping.Cancel();
            _stopping.Dispose();
        }
    }
}
