namespace Scalekit.AspNetCore.OpenApi;

/// <summary>
/// Options of <c>AddScalekitSecurity</c>: what the OpenAPI document says about Scalekit security beyond what the
/// endpoints' metadata and the Scalekit schemes' options already tell.
/// </summary>
public sealed class ScalekitOpenApiOptions
{
    /// <summary>
    /// Descriptions of scopes, shown beside each scope of the security scheme (an API explorer lists them when the
    /// user picks scopes). A scope without one is described by the operations that require it, such as
    /// <c>Required by GET /api/deployments.</c> Keys are compared exactly.
    /// </summary>
    /// <example>
    /// <code>
    /// o.AddScalekitSecurity(scalekit => scalekit.ScopeDescriptions["deploy:applications"] = "Start a deployment");
    /// </code>
    /// </example>
    public IDictionary<string, string> ScopeDescriptions { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Document the <c>401</c> and <c>403</c> answers of protected operations (the <c>application/problem+json</c>
    /// body and the <c>WWW-Authenticate</c> header Scalekit.AspNetCore sends). Defaults to <see langword="true"/>;
    /// an answer the operation already documents for that status is kept as it is.
    /// </summary>
    public bool DocumentErrorResponses { get; set; } = true;
}
