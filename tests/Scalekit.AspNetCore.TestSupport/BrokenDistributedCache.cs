using Microsoft.Extensions.Caching.Distributed;

namespace Scalekit.AspNetCore.Tests.Framework;

/// <summary>A distributed cache whose every call fails as an unreachable Redis would: the shared-cache failure tests' tier.</summary>
public sealed class BrokenDistributedCache : IDistributedCache
{
    public byte[]? Get(string key) => throw Down();

    public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => throw Down();

    public void Refresh(string key) => throw Down();

    public Task RefreshAsync(string key, CancellationToken token = default) => throw Down();

    public void Remove(string key) => throw Down();

    public Task RemoveAsync(string key, CancellationToken token = default) => throw Down();

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => throw Down();

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) => throw Down();

    private static IOException Down() => new("Redis is down");
}
