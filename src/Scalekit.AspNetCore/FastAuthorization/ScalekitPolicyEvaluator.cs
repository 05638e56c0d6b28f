using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Scalekit.AspNetCore.Authorization;

namespace Scalekit.AspNetCore;

/// <summary>
/// The authorization middleware's <see cref="IPolicyEvaluator"/>, wrapped around the one registered before (ASP.NET
/// Core's <see cref="PolicyEvaluator"/>, resolved per request as registered). A request that a Scalekit scheme
/// authenticated, to an endpoint whose policy asks only for an authenticated user and Scalekit scopes, and that meets
/// them, is let through here: the same answer as <see cref="IAuthorizationService"/>, without building its services
/// and context for every request. Everything else, and every refusal, goes to the inner evaluator.
/// </summary>
/// <remarks>
/// Taken only while <see cref="FastAuthorizationEligibility"/> finds nothing of the application's that could answer
/// differently, and while <see cref="ScalekitApiAuthOptions.FastAuthorization"/> is on: decided once for the
/// application, on its first request.
/// </remarks>
internal sealed class ScalekitPolicyEvaluator(
    bool innerIsFrameworkEvaluator,
    IEnumerable<ServiceDescriptor> registrations,
    IOptions<ScalekitSchemeOptions> schemeOptions,
    ILogger<ScalekitPolicyEvaluator> logger) : IPolicyEvaluator
{
    /// <summary>The key under which the wrapped registration stays in the container.</summary>
    public static readonly object InnerKey = new();

    private const string ContextUserScheme = "context.User";

    private static readonly Task<PolicyAuthorizationResult> Succeeded = Task.FromResult(PolicyAuthorizationResult.Success());

    private readonly IReadOnlyList<string> _schemes = schemeOptions.Value.Schemes;

    /// <summary>The decision, made on the first request; <see langword="null"/> until then.</summary>
    private Decision? _decision;

    public Task<AuthenticateResult> AuthenticateAsync(AuthorizationPolicy policy, HttpContext context)
    {
        if (!Applies(policy, context))
        {
            return Inner(context).AuthenticateAsync(policy, context);
        }

        // What PolicyEvaluator answers without authenticating again: the result the authentication middleware keeps
        // (for a policy naming a scheme, Applies made sure it is that scheme's, for this very user), else, for a policy
        // without schemes, the user it set.
        return Task.FromResult(context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult
            ?? AuthenticateResult.Success(new AuthenticationTicket(context.User, ContextUserScheme)));
    }

    public Task<PolicyAuthorizationResult> AuthorizeAsync(AuthorizationPolicy policy, AuthenticateResult authenticationResult, HttpContext context, object? resource) =>
        authenticationResult.Succeeded && Applies(policy, context) && Meets(policy.Requirements, context.User)
            ? Succeeded
            : Inner(context).AuthorizeAsync(policy, authenticationResult, context, resource);

    /// <summary>
    /// The wrapped evaluator, resolved once per request as the middleware resolves its evaluator (a transient one would
    /// otherwise be built twice, for authentication and for authorization).
    /// </summary>
    private static IPolicyEvaluator Inner(HttpContext context)
    {
        if (context.Items.TryGetValue(InnerKey, out var kept) && kept is IPolicyEvaluator inner)
        {
            return inner;
        }

        inner = context.RequestServices.GetRequiredKeyedService<IPolicyEvaluator>(InnerKey);
        context.Items[InnerKey] = inner;
        return inner;
    }

    /// <summary>
    /// Whether the shortcut may answer for this request: it is on, Scalekit authenticated the user, and the policy
    /// asks only for what <see cref="Meets"/> checks, either without schemes or with exactly the scheme whose result
    /// the authentication middleware holds for this very user.
    /// </summary>
    private bool Applies(AuthorizationPolicy policy, HttpContext context)
    {
        var decision = Decide(context);
        if (!decision.On || !IsScalekitUser(context.User) || !OnlyOurRequirements(policy.Requirements))
        {
            return false;
        }

        var schemes = policy.AuthenticationSchemes;
        if (schemes.Count == 0)
        {
            return true;
        }

        return schemes.Count == 1
            && string.Equals(schemes[0], decision.DefaultScheme, StringComparison.Ordinal)
            && context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult is { Succeeded: true } result
            && string.Equals(result.Ticket!.AuthenticationScheme, schemes[0], StringComparison.Ordinal)
            && ReferenceEquals(result.Principal, context.User);
    }

    /// <summary>
    /// Whether the shortcut is on, decided on the first request and kept: every request applies the decision that was
    /// stored, even one that raced to make it. The default authenticate scheme is kept with it, when it is a Scalekit
    /// scheme. A check that fails leaves the shortcut off.
    /// </summary>
    private Decision Decide(HttpContext context)
    {
        if (Volatile.Read(ref _decision) is { } decided)
        {
            return decided;
        }

        string? reason;
        try
        {
            reason = FastAuthorizationEligibility.ReasonOff(context.RequestServices, registrations, innerIsFrameworkEvaluator);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            reason = $"checking the application's authorization services failed ({e.GetType().Name})";
        }

        var decision = new Decision(reason is null, reason is null ? DefaultScalekitScheme(context.RequestServices) : null);
        if (Interlocked.CompareExchange(ref _decision, decision, null) is { } earlier)
        {
            return earlier;
        }

        if (reason is null)
        {
            logger.FastAuthorizationOn();
        }
        else
        {
            logger.FastAuthorizationOff(reason);
        }

        return decision;
    }

    /// <summary>
    /// The scheme whose result the authentication middleware keeps for every request (the default authenticate
    /// scheme), when it is a Scalekit scheme: only then does that result answer for a policy naming the scheme.
    /// </summary>
    private string? DefaultScalekitScheme(IServiceProvider services)
    {
        var scheme = services.GetRequiredService<IAuthenticationSchemeProvider>().GetDefaultAuthenticateSchemeAsync();
        var name = scheme.IsCompletedSuccessfully ? scheme.Result?.Name : null; // a provider that must wait: no shortcut
        return name is not null && _schemes.Contains(name) ? name : null;
    }

    private bool IsScalekitUser(ClaimsPrincipal user) =>
        user.Identity is ClaimsIdentity { IsAuthenticated: true } identity && ScalekitIdentity.IsFrom(identity, _schemes);

    /// <summary>
    /// Whether every requirement is ASP.NET Core's <see cref="DenyAnonymousAuthorizationRequirement"/> itself (not a
    /// subclass, which may check more) or a <see cref="ScalekitScopeRequirement"/> (sealed).
    /// </summary>
    private static bool OnlyOurRequirements(IReadOnlyList<IAuthorizationRequirement> requirements)
    {
        for (var i = 0; i < requirements.Count; i++)
        {
            var requirement = requirements[i];
            if (requirement is not ScalekitScopeRequirement && requirement.GetType() != typeof(DenyAnonymousAuthorizationRequirement))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The checks of <see cref="DenyAnonymousAuthorizationRequirement"/> and <see cref="ScopeAuthorizationHandler"/>.</summary>
    private bool Meets(IReadOnlyList<IAuthorizationRequirement> requirements, ClaimsPrincipal user)
    {
        for (var i = 0; i < requirements.Count; i++)
        {
            if (requirements[i] is ScalekitScopeRequirement scope && !ScopeCheck.IsSatisfied(scope, user, _schemes))
            {
                return false;
            }
        }

        // DenyAnonymousAuthorizationRequirement: an authenticated identity, which IsScalekitUser has already seen.
        return true;
    }

    /// <summary>Whether the shortcut is on, and the default authenticate scheme when it is a Scalekit scheme.</summary>
    private sealed record Decision(bool On, string? DefaultScheme);
}
