using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Scalekit.AspNetCore.Benchmarks;

/// <summary>
/// Policy lookup by name, as the authorization middleware does on every request to an endpoint with
/// <c>[RequireScope]</c>: the Scalekit scope policy (built once, then cached) against an application policy that the
/// default provider answers (which the Scalekit provider passes through).
/// </summary>
[MemoryDiagnoser]
public class PolicyBenchmarks
{
    private AuthHost _host = null!;
    private IAuthorizationPolicyProvider _provider = null!;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        _host = await AuthHost.StartAsync(AuthVariant.Scalekit);
        _provider = _host.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        await _provider.GetPolicyAsync(ScopePolicy);
    }

    private static string ScopePolicy => $"Scalekit.Scope:all:{Bench.BenchIssuer.Scope}";

    [Benchmark(Baseline = true, Description = "scope policy (cached)")]
    public Task<AuthorizationPolicy?> ScopePolicyLookup() => _provider.GetPolicyAsync(ScopePolicy);

    [Benchmark(Description = "unknown name, passed to the default provider")]
    public Task<AuthorizationPolicy?> PassThroughLookup() => _provider.GetPolicyAsync("app-policy");

    [GlobalCleanup]
    public ValueTask CleanUpAsync() => _host.DisposeAsync();
}
