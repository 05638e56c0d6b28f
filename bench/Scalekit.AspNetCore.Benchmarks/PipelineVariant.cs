namespace Scalekit.AspNetCore.Benchmarks;

/// <summary>How the endpoint of a <see cref="PipelineHost"/> is protected.</summary>
public enum PipelineVariant
{
    /// <summary>Not at all: no authentication or authorization middleware.</summary>
    None,

    /// <summary>The authentication and authorization middleware with a handler that accepts the request unread.</summary>
    Floor,

    /// <summary><c>AddScalekitApiAuth</c> and <c>.RequireAuthorization()</c>.</summary>
    Scalekit,

    /// <summary><c>AddScalekitApiAuth</c> and <c>.RequireScope(…)</c>.</summary>
    ScalekitScope,

    /// <summary><c>.RequireScope(…)</c> with <c>FastAuthorization</c> off: through <c>IAuthorizationService</c>.</summary>
    ScalekitScopeViaAuthorizationService,
}
