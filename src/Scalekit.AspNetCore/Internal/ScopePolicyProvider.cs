using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Scalekit.AspNetCore.Authorization;

namespace Scalekit.AspNetCore.Internal;

/// <summary>
/// Turns the policy names of <see cref="RequireScopeAttribute"/> and <see cref="RequireAnyScopeAttribute"/> into policies
/// (authenticated user of a Scalekit scheme + <see cref="ScalekitScopeRequirement"/>), the same instance for the same
/// name; every other name goes to <see cref="DefaultAuthorizationPolicyProvider"/>.
/// </summary>
internal sealed class ScopePolicyProvider(IOptions<AuthorizationOptions> options, IOptions<ScalekitSchemeOptions> schemes)
    : DefaultAuthorizationPolicyProvider(options)
{
    private readonly ConcurrentDictionary<string, AuthorizationPolicy?> _policies = new(StringComparer.Ordinal);

    public override Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (!policyName.StartsWith(ScopeNames.PolicyPrefix, StringComparison.Ordinal))
        {
            return base.GetPolicyAsync(policyName);
        }

        return Task.FromResult(_policies.GetOrAdd(policyName, Build));
    }

    private AuthorizationPolicy? Build(string policyName) =>
        ScopeNames.FromPolicyName(policyName) is { } requirement
            ? new AuthorizationPolicyBuilder(schemes.Value.Schemes.ToArray())
                .RequireAuthenticatedUser()
                .AddRequirements(requirement)
                .Build()
            : null;
}
