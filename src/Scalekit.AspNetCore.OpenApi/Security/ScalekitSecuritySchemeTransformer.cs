using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Scalekit.AspNetCore.OpenApi;

/// <summary>
/// Adds one OAuth 2.0 security scheme (client-credentials flow) per Scalekit authentication scheme: <c>tokenUrl</c>
/// from the scheme's <see cref="ScalekitApiAuthOptions.EnvironmentUrl"/>, and the scopes that the document's
/// operations require.
/// </summary>
internal sealed class ScalekitSecuritySchemeTransformer(ScalekitOpenApiOptions options) : IOpenApiDocumentTransformer
{
    /// <summary>The token endpoint of a Scalekit environment, relative to its URL.</summary>
    public const string TokenPath = "/oauth/token";

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var services = context.ApplicationServices;
        var schemes = services.GetService<IOptions<ScalekitSchemeOptions>>()?.Value.Schemes ?? [];
        if (schemes.Count == 0)
        {
            return;
        }

        var scopes = await RequiredScopesAsync(context).ConfigureAwait(false);
        var authOptions = services.GetRequiredService<IOptionsMonitor<ScalekitApiAuthOptions>>();
        foreach (var scheme in schemes)
        {
            if (TokenUrl(authOptions.Get(scheme).EnvironmentUrl) is not { } tokenUrl)
            {
                continue; // options validation refuses such a scheme at start-up
            }

            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
            document.Components.SecuritySchemes[scheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.OAuth2,
                Description = $"A Scalekit access token, from the client-credentials grant at {tokenUrl} with an API client's id and secret; sent as 'Authorization: Bearer <token>'.",
                Flows = new OpenApiOAuthFlows
                {
                    ClientCredentials = new OpenApiOAuthFlow
                    {
                        TokenUrl = tokenUrl,
                        Scopes = scopes.ToDictionary(
                            s => s.Key,
                            s => options.ScopeDescriptions.TryGetValue(s.Key, out var text) ? text : $"Required by {string.Join(", ", s.Value)}.",
                            StringComparer.Ordinal),
                    },
                },
            };
        }
    }

    /// <summary><c>&lt;environmentUrl&gt;/oauth/token</c>, or <see langword="null"/> when the URL is not absolute.</summary>
    public static Uri? TokenUrl(string? environmentUrl) =>
        environmentUrl is { Length: > 0 } && Uri.TryCreate(environmentUrl.TrimEnd('/') + TokenPath, UriKind.Absolute, out var url) ? url : null;

    /// <summary>Every scope an operation of the document requires, in order of appearance, with the operations.</summary>
    private static async Task<Dictionary<string, List<string>>> RequiredScopesAsync(OpenApiDocumentTransformerContext context)
    {
        var scopes = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var description in context.DescriptionGroups.SelectMany(g => g.Items))
        {
            if (await EndpointSecurity.ReadAsync(description, context.ApplicationServices).ConfigureAwait(false) is not { } security)
            {
                continue;
            }

            var operation = $"{description.HttpMethod} /{description.RelativePath}";
            foreach (var scope in security.Alternatives.SelectMany(a => a))
            {
                if (!scopes.TryGetValue(scope, out var operations))
                {
                    scopes[scope] = operations = [];
                }

                if (!operations.Contains(operation, StringComparer.Ordinal))
                {
                    operations.Add(operation);
                }
            }
        }

        return scopes;
    }
}
