using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Scalekit.AspNetCore.OpenApi;

/// <summary>
/// Gives each operation that a Scalekit scheme protects its security requirements (one per scheme and scope set:
/// any one of them is enough) and, unless turned off, its <c>401</c> / <c>403</c> answers.
/// </summary>
internal sealed class ScalekitSecurityRequirementTransformer(ScalekitOpenApiOptions options) : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (await EndpointSecurity.ReadAsync(context.Description, context.ApplicationServices).ConfigureAwait(false) is not { } security
            || context.Document is not { } document)
        {
            return;
        }

        operation.Security ??= [];
        foreach (var scheme in security.Schemes)
        {
            foreach (var scopes in security.Alternatives)
            {
                operation.Security.Add(new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(scheme, document)] = scopes.ToList(),
                });
            }
        }

        if (options.DocumentErrorResponses)
        {
            ScalekitErrorResponses.AddTo(operation, document, security);
        }
    }
}
