using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Authentication;

namespace Scalekit.AspNetCore.Benchmarks;

/// <summary>
/// Per request, for each <see cref="AuthVariant"/> with the same kind of RS256 token sent again and again: what the
/// authentication middleware does (token validation: a cache hit for <see cref="AuthVariant.Scalekit"/>, a full
/// validation for the other two), and that plus what the authorization middleware does for the protected endpoint
/// (the scope policy; for stock JwtBearer, an authenticated user). The baseline is the harness alone (service scope
/// and <c>HttpContext</c>), so time and allocations per request are the difference. <see cref="OneConnection"/>: the
/// requests arrive on one kept-alive connection (Scalekit then recognises the repeated token without hashing it), or
/// each on a new one.
/// </summary>
[MemoryDiagnoser]
public class RequestBenchmarks
{
    private AuthHost _host = null!;
    private string _authorization = null!;

    [Params(AuthVariant.Scalekit, AuthVariant.ScalekitUncached, AuthVariant.JwtBearer)]
    public AuthVariant Variant { get; set; }

    [Params(true, false)]
    public bool OneConnection { get; set; }

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        _host = await AuthHost.StartAsync(Variant);
        _host.OneConnection = OneConnection;
        _authorization = AuthHost.Authorization(_host.BenchIssuer.Token());
        await _host.AuthenticateAsync(_authorization); // validated once: cached from here on when the cache is on
    }

    [Benchmark(Baseline = true, Description = "harness only")]
    public Task Harness() => _host.NoAuthAsync(_authorization);

    [Benchmark(Description = "authenticate")]
    public Task<AuthenticateResult> Authenticate() => _host.AuthenticateAsync(_authorization);

    [Benchmark(Description = "authenticate + authorize")]
    public Task<bool> AuthenticateAndAuthorize() => _host.AuthenticateAndAuthorizeAsync(_authorization);

    [GlobalCleanup]
    public ValueTask CleanUpAsync() => _host.DisposeAsync();
}
