using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Scalekit.AspNetCore.Authorization;

namespace Scalekit.AspNetCore.OpenApi;

/// <summary>
/// The Scalekit security of one endpoint, read from its metadata as authorization and the scope filters enforce it:
/// which Scalekit schemes accept its callers, and the scope sets a token may grant to pass (alternatives: any one of
/// them is enough; a single empty set means "any valid token").
/// </summary>
internal sealed class EndpointSecurity
{
    private EndpointSecurity(IReadOnlyList<string> schemes, IReadOnlyList<IReadOnlyList<string>> alternatives)
    {
        Schemes = schemes;
        Alternatives = alternatives;
    }

    /// <summary>The Scalekit schemes that accept the endpoint's callers (alternatives too).</summary>
    public IReadOnlyList<string> Schemes { get; }

    /// <summary>Scope sets, each one enough; never empty (one empty set when no scope is required).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Alternatives { get; }

    /// <summary>Whether a token can be refused for its scopes (then a 403 is possible).</summary>
    public bool RequiresScopes => Alternatives.Any(a => a.Count > 0);

    /// <summary>
    /// Reads the endpoint's security, or <see langword="null"/> when no Scalekit scheme protects it.
    /// <list type="bullet">
    /// <item>Scope attributes and <c>.RequireScope(…)</c> (on the endpoint, its groups, its controller) all apply:
    /// all-of scopes join every alternative, each any-of requirement multiplies them.</item>
    /// <item><c>[Authorize]</c>, <c>.RequireAuthorization()</c>, named policies and, on an endpoint without any, the
    /// fallback policy: the scopes of their <see cref="ScalekitScopeRequirement"/>s, and their schemes.</item>
    /// <item><c>AllowAnonymous</c> switches those off, as authorization does; scope metadata stays, because the scope
    /// filters still refuse a request without the scopes (and a minimal API whose scope attribute only authorization
    /// would enforce does not start).</item>
    /// </list>
    /// </summary>
    public static async Task<EndpointSecurity?> ReadAsync(ApiDescription description, IServiceProvider services)
    {
        var scalekitSchemes = services.GetService<IOptions<ScalekitSchemeOptions>>()?.Value.Schemes ?? [];
        if (scalekitSchemes.Count == 0)
        {
            return null;
        }

        var metadata = description.ActionDescriptor.EndpointMetadata;
        var requirements = metadata.OfType<ScalekitScopeAttribute>().Select(a => a.ToRequirement()).ToList();
        var scopeMetadata = requirements.Count > 0;
        var policy = metadata.OfType<IAllowAnonymous>().Any() ? null : await ReadPolicyAsync(metadata, scopeMetadata, services).ConfigureAwait(false);
        if (policy is not null)
        {
            requirements.AddRange(policy.Requirements.OfType<ScalekitScopeRequirement>());
        }

        if (requirements.Count == 0 && policy is null)
        {
            return null;
        }

        // Scope policies authenticate with every Scalekit scheme; other policies with theirs, or the default scheme.
        IReadOnlyList<string> schemes = requirements.Count > 0
            ? scalekitSchemes
            : await AuthenticatingSchemesAsync(policy!, scalekitSchemes, services).ConfigureAwait(false);
        return schemes.Count == 0 ? null : new EndpointSecurity(schemes, ScopeAlternatives.Of(requirements));
    }

    /// <summary>The combined policy of the endpoint's authorization metadata, or <see langword="null"/> when it has none.</summary>
    private static async Task<AuthorizationPolicy?> ReadPolicyAsync(IList<object> metadata, bool scopeMetadata, IServiceProvider services)
    {
        if (services.GetService<IAuthorizationPolicyProvider>() is not { } provider)
        {
            return null;
        }

        var authorizeData = metadata.OfType<IAuthorizeData>().Where(d => d is not ScalekitScopeAttribute).ToList();
        var policies = metadata.OfType<AuthorizationPolicy>().ToList();
        var requirementData = metadata.OfType<IAuthorizationRequirementData>().ToList();
        if (authorizeData.Count == 0 && policies.Count == 0 && requirementData.Count == 0)
        {
            // The fallback policy applies to endpoints without any authorization metadata, scope metadata included.
            return scopeMetadata ? null : await provider.GetFallbackPolicyAsync().ConfigureAwait(false);
        }

        var builder = new AuthorizationPolicyBuilder();
        if (authorizeData.Count > 0 && await AuthorizationPolicy.CombineAsync(provider, authorizeData).ConfigureAwait(false) is { } combined)
        {
            builder.Combine(combined);
        }

        foreach (var policy in policies)
        {
            builder.Combine(policy);
        }

        foreach (var data in requirementData)
        {
            builder.AddRequirements(data.GetRequirements().ToArray());
        }

        // A policy always asks for an authenticated caller here: its other requirements are not ours to describe.
        return builder.RequireAuthenticatedUser().Build();
    }

    private static async Task<IReadOnlyList<string>> AuthenticatingSchemesAsync(
        AuthorizationPolicy policy, IReadOnlyList<string> scalekitSchemes, IServiceProvider services)
    {
        if (policy.AuthenticationSchemes.Count > 0)
        {
            return scalekitSchemes.Where(s => policy.AuthenticationSchemes.Contains(s, StringComparer.Ordinal)).ToList();
        }

        var defaultScheme = services.GetService<IAuthenticationSchemeProvider>() is { } provider
            ? await provider.GetDefaultAuthenticateSchemeAsync().ConfigureAwait(false)
            : null;
        return defaultScheme is not null && scalekitSchemes.Contains(defaultScheme.Name, StringComparer.Ordinal) ? [defaultScheme.Name] : [];
    }
}
