using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace Scalekit.AspNetCore.Benchmarks;

/// <summary>
/// The validated-token cache on its own: a hit (SHA-256 of the token, lookup, key and expiry checks), a miss, a hit
/// turned into a ticket with a fresh identity, and an insert (what a miss adds to a full validation).
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

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        _host = await AuthHost.StartAsync(AuthVariant.Scalekit);
        _token = _host.BenchIssuer.Token();
        _otherToken = _host.BenchIssuer.Token();
        _ticket = (await _host.AuthenticateAsync(AuthHost.Authorization(_token))).Ticket!;
        var caches = _host.Services.GetRequiredService<ScalekitCacheRegistry>().Get(ScalekitApiAuthDefaults.AuthenticationScheme);
        _cache = caches.Tokens!;
        _keys = caches.Keys.Current!;
    }

    [Benchmark(Baseline = true, Description = "find (hit)")]
    public object? FindHit() => _cache.Find(_token, _keys);

    [Benchmark(Description = "find (miss)")]
    public object? FindMiss() => _cache.Find(_otherToken, _keys);

    [Benchmark(Description = "find (hit) + ticket with a fresh identity")]
    public AuthenticationTicket? FindHitAndCreateTicket() => _cache.Find(_token, _keys)?.CreateTicket(ScalekitApiAuthDefaults.AuthenticationScheme);

    [Benchmark(Description = "add (the miss path's extra work)")]
    public bool Add() => _cache.Add(_token, _ticket);

    [GlobalCleanup]
    public ValueTask CleanUpAsync() => _host.DisposeAsync();
}
