namespace Scalekit.AspNetCore.LoadServer;

/// <summary>
/// <c>GET /bench/stats</c>: JWKS and discovery requests served so far, validated-token cache entries (Scalekit mode),
/// GC heap size and working set.
/// </summary>
internal sealed record Stats(int JwksFetches, int DiscoveryFetches, int? TokenCacheEntries, long GcHeapBytes, long WorkingSetBytes);
