using Microsoft.OpenApi;

namespace Scalekit.AspNetCore.OpenApi;

/// <summary>
/// The <c>401</c> and <c>403</c> answers Scalekit.AspNetCore sends for a protected operation, as OpenAPI responses:
/// an <c>application/problem+json</c> body (a schema each, in the document's components) and the
/// <c>WWW-Authenticate</c> header of RFC 6750 §3.
/// </summary>
internal static class ScalekitErrorResponses
{
    public const string ProblemContentType = "application/problem+json";
    public const string UnauthorizedSchema = "ScalekitUnauthorizedProblem";
    public const string InsufficientScopeSchema = "ScalekitInsufficientScopeProblem";

    /// <summary>Adds the answers the operation does not document yet: <c>401</c> always, <c>403</c> when scopes are required.</summary>
    public static void AddTo(OpenApiOperation operation, OpenApiDocument document, EndpointSecurity security)
    {
        operation.Responses ??= [];
        if (!operation.Responses.ContainsKey("401"))
        {
            AddSchema(document, UnauthorizedSchema, Problem("The answer to a request without a valid Scalekit access token.", []));
            operation.Responses["401"] = Response(
                document,
                "Unauthorized: no Scalekit access token, or one that is expired, malformed, badly signed or for another audience; the header and 'detail' say which.",
                UnauthorizedSchema,
                "'Bearer' without a token; otherwise 'Bearer error=\"invalid_token\", error_description=\"…\"' (RFC 6750 §3.1).");
        }

        if (security.RequiresScopes && !operation.Responses.ContainsKey("403"))
        {
            AddSchema(document, InsufficientScopeSchema, Problem(
                "The answer to a valid Scalekit access token that lacks a required scope.",
                new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
                {
                    ["requiredScopes"] = ScopeList("Every scope this operation requires."),
                    ["missingScopes"] = ScopeList("The required scopes the token lacks."),
                }));
            operation.Responses["403"] = Response(
                document,
                "Forbidden: the access token lacks a required scope (insufficient_scope).",
                InsufficientScopeSchema,
                $"'Bearer error=\"insufficient_scope\", error_description=\"{ScalekitErrorDescriptions.InsufficientScope}\", scope=\"…\"', the scope parameter naming every required scope (RFC 6750 §3.1).");
        }
    }

    private static OpenApiResponse Response(OpenApiDocument document, string description, string schema, string challenge) => new()
    {
        Description = description,
        Headers = new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal)
        {
            ["WWW-Authenticate"] = new OpenApiHeader
            {
                Description = challenge,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            },
        },
        Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
        {
            [ProblemContentType] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(schema, document) },
        },
    };

    private static void AddSchema(OpenApiDocument document, string id, OpenApiSchema schema)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        document.Components.Schemas.TryAdd(id, schema);
    }

    /// <summary>RFC 9457 problem details as Scalekit.AspNetCore writes them (through <c>IProblemDetailsService</c>).</summary>
    private static OpenApiSchema Problem(string description, Dictionary<string, IOpenApiSchema> extensions)
    {
        var properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The RFC 6750 section the answer follows." },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "What is wrong and how to fix it." },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String },
        };
        foreach (var (name, schema) in extensions)
        {
            properties[name] = schema;
        }

        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = description,
            Properties = properties,
            Required = new HashSet<string>(["type", "title", "status", "detail", .. extensions.Keys], StringComparer.Ordinal),
        };
    }

    private static OpenApiSchema ScopeList(string description) => new()
    {
        Type = JsonSchemaType.Array,
        Description = description,
        Items = new OpenApiSchema { Type = JsonSchemaType.String },
    };
}
