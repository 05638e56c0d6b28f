using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace Scalekit.AspNetCore.Benchmarks;

/// <summary>
/// The validated-token cache on its own: a hit (SHA-256 of the token, lookup, key and expiry checks), a miss, a hit
/// turned into a ticket with a fresh identity, and an insert (what a miss adds to a full validation: under the hash its
/// lookup computed, or hashing the token again as it did before).
/// </summary>
[MemoryDiagnoser]
public class ValidatedTokenCacheBenchmarks
{
    private AuthHost _host = null!;
    private ValidatedTokenCache _cache = null!;
    private SigningKeySet _keys = null!;
    private AuthenticationTicket _ticket = null!;
    private string _token = null!;
    private string _otherToken = null!;
    private TokenHash _hash;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        _host = await AuthHost.StartAsync(AuthVariant.Scalekit);
        _token = _host.BenchIssuer.Token();
        _otherToken = _host.BenchIssuer.Token();
        _hash = TokenHash.Of(_token);
        _ticket = (await _host.AuthenticateAsync(AuthHost.Authorization(_token))).Ticket!;
        var caches = _host.Services.GetRequiredService<ScalekitCacheRegistry>().Get(ScalekitApiAuthDefaults.AuthenticationScheme);
        _cache = caches.Tokens!;
        _cache.Add(_token, _ticket); // the second validation of the token: admitted now (SeenOnceFilter), so "hit" hits
        _keys = caches.Keys.Current!;
    }

    [Benchmark(Baseline = true, Description = "find (hit)")]
    public object? FindHit() => _cache.Find(_token, _keys);

    [Benchmark(Description = "find (miss)")]
    public object? FindMiss() => _cache.Find(_otherToken, _keys);

    [Benchmark(Description = "find (hit) + ticket with a fresh identity")]
    public AuthenticationTicket? FindHitAndCreateTicket() => _cache.Find(_token, _keys)?.CreateTicket(ScalekitApiAuthDefaults.AuthenticationScheme);

    [Benchmark(Description = "add, hashing the token")]
    public bool Add() => _cache.Add(_token, _ticket);

    [Benchmark(Description = "add under the lookup's hash (the miss path's extra work)")]
    public bool AddWithHash() => _cache.Add(_hash, _token.Length, _ticket);

    [GlobalCleanup]
    public ValueTask CleanUpAsync() => _host.DisposeAsync();
}
