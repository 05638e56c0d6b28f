using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Scalekit.AspNetCore.Authorization;

namespace Scalekit.AspNetCore;

/// <summary>
/// Turns the policy names of <see cref="RequireScopeAttribute"/> and <see cref="RequireAnyScopeAttribute"/> into policies
/// (authenticated user of a Scalekit scheme + <see cref="ScalekitScopeRequirement"/>), the same instance for the same
/// name; every other name, and the default and fallback policies, go to the provider that was registered before us
/// (<see cref="DefaultAuthorizationPolicyProvider"/>, or the application's own).
/// </summary>
internal sealed class ScopePolicyProvider(IAuthorizationPolicyProvider inner, IOptions<ScalekitSchemeOptions> schemes) : IAuthorizationPolicyProvider
{
    /// <summary>The answers, as completed tasks: a lookup on the request path allocates nothing.</summary>
    private readonly ConcurrentDictionary<string, Task<AuthorizationPolicy?>> _policies = new(StringComparer.Ordinal);

    /// <summary>Our policies never change; caching is up to the inner provider for its own.</summary>
    public bool AllowsCachingPolicies => inner.AllowsCachingPolicies;

    public Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (!policyName.StartsWith(ScopeNames.PolicyPrefix, StringComparison.Ordinal))
        {
            return inner.GetPolicyAsync(policyName);
        }

        return _policies.TryGetValue(policyName, out var policy) ? policy : _policies.GetOrAdd(policyName, BuildAsync);
    }

    public Task<AuthorizationPolicy> GetDefaultPolicyAsync() => inner.GetDefaultPolicyAsync();

    public Task<AuthorizationPolicy?> GetFallbackPolicyAsync() => inner.GetFallbackPolicyAsync();

    private Task<AuthorizationPolicy?> BuildAsync(string policyName) => Task.FromResult(Build(policyName));

    private AuthorizationPolicy? Build(string policyName) =>
        ScopeNames.FromPolicyName(policyName) is { } requirement
            ? new AuthorizationPolicyBuilder(schemes.Value.Schemes.ToArray())
                .RequireAuthenticatedUser()
                .AddRequirements(requirement)
                .Build()
            : null;
}
