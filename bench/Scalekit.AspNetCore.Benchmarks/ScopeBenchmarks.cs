using System.Security.Claims;
using BenchmarkDotNet.Attributes;
using Scalekit.AspNetCore.Authorization;

namespace Scalekit.AspNetCore.Benchmarks;

/// <summary>
/// The scope check of every request to a scoped endpoint, on the principal of a validated Scalekit token: reading the
/// claims in place (what the handler and filters do) against collecting the granted scopes into a set first (what
/// they did before, and what the 403 answer still does).
/// </summary>
[MemoryDiagnoser]
public class ScopeBenchmarks
{
    private static readonly string[] Schemes = [ScalekitApiAuthDefaults.AuthenticationScheme];
    private static readonly ScalekitScopeRequirement All = new(ScopeMatch.All, [Bench.BenchIssuer.Scope]);
    private static readonly ScalekitScopeRequirement Any = new(ScopeMatch.Any, ["deploy:bench", Bench.BenchIssuer.Scope]);
    private ClaimsPrincipal _user = null!;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        await using var host = await AuthHost.StartAsync(AuthVariant.Scalekit);
        _user = (await host.AuthenticateAsync(AuthHost.Authorization(host.BenchIssuer.Token()))).Principal!;
    }

    [Benchmark(Baseline = true, Description = "all-of: collect scopes into a set, then check")]
    public bool AllViaSet() => ScopeCheck.IsSatisfied(All, ScopeClaims.Read(_user, Schemes));

    [Benchmark(Description = "all-of: check in place")]
    public bool AllInPlace() => ScopeCheck.IsSatisfied(All, _user, Schemes);

    [Benchmark(Description = "any-of: collect scopes into a set, then check")]
    public bool AnyViaSet() => ScopeCheck.IsSatisfied(Any, ScopeClaims.Read(_user, Schemes));

    [Benchmark(Description = "any-of: check in place")]
    public bool AnyInPlace() => ScopeCheck.IsSatisfied(Any, _user, Schemes);
}
