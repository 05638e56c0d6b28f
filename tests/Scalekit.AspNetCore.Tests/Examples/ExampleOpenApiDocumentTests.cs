using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Scalekit.AspNetCore.Testing;

namespace Scalekit.AspNetCore.Tests.Examples;

/// <summary>
/// The OpenAPI document of examples/MinimalApi and examples/ControllerApi (<c>/openapi/v1.json</c>, with
/// Scalekit.AspNetCore.OpenApi) is part of their route contract: the same security in both styles, and 401/403
/// bodies as the API really sends them.
/// </summary>
public sealed class ExampleOpenApiDocumentTests(ExampleApps apps) : IClassFixture<ExampleApps>
{
    private const string Read = "read:deployments";
    private const string Deploy = "deploy:applications";

    public static TheoryData<string> Apps => new(ExampleApps.Minimal, ExampleApps.Controllers);

    [Theory, MemberData(nameof(Apps))]
    public async Task The_document_is_served_without_a_token_with_a_client_credentials_scheme_at_the_environment_token_endpoint(string app)
    {
        // Act
        var document = await DocumentAsync(app);

        // Assert
        var scheme = document["components"]!["securitySchemes"]!["Scalekit"]!;
        scheme["type"]!.GetValue<string>().Should().Be("oauth2");
        var flow = scheme["flows"]!["clientCredentials"]!;
        flow["tokenUrl"]!.GetValue<string>().Should().Be(apps.Authority.Issuer.TrimEnd('/') + "/oauth/token");
        flow["scopes"]!.AsObject().Select(p => (p.Key, p.Value!.GetValue<string>())).Should().BeEquivalentTo(
            [(Read, "List deployments"), (Deploy, "Start a deployment or a rollback")]);
    }

    [Theory, MemberData(nameof(Apps))]
    public async Task Each_route_requires_in_the_document_the_scopes_it_requires_at_run_time(string app)
    {
        // Act
        var document = await DocumentAsync(app);

        // Assert
        Security(document, "get", "/api/deployments").Should().Equal($"Scalekit: {Read}");
        Security(document, "post", "/api/deployments").Should().Equal($"Scalekit: {Deploy}");
        Security(document, "post", "/api/deployments/rollback").Should().Equal($"Scalekit: {Read} {Deploy}");
        Security(document, "get", "/api/me").Should().Equal("Scalekit: ");
        Security(document, "get", "/healthz").Should().BeEmpty();
    }

    [Theory, MemberData(nameof(Apps))]
    public async Task The_403_the_api_sends_has_the_properties_the_document_describes(string app)
    {
        // Arrange
        var schema = (await DocumentAsync(app))["components"]!["schemas"]!["ScalekitInsufficientScopeProblem"]!;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/deployments")
        {
            Content = JsonContent.Create(new { application = "inventory-service", version = "1.4.2" }),
        };

        // Act
        using var response = await (await apps.ClientAsync(app)).SendAsync(request.WithScalekitToken(await apps.TokenAsync(app, [Read])));

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        ShouldMatch(JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject(), schema);
    }

    [Theory, MemberData(nameof(Apps))]
    public async Task The_401_the_api_sends_has_the_properties_the_document_describes(string app)
    {
        // Arrange
        var schema = (await DocumentAsync(app))["components"]!["schemas"]!["ScalekitUnauthorizedProblem"]!;

        // Act
        using var response = await (await apps.ClientAsync(app)).GetAsync("/api/deployments");

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        ShouldMatch(JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject(), schema);
    }

    private async Task<JsonNode> DocumentAsync(string app)
    {
        using var response = await (await apps.ClientAsync(app)).GetAsync("/openapi/v1.json");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>The operation's requirements as "scheme: scopes" lines.</summary>
    private static List<string> Security(JsonNode document, string method, string path) =>
        (document["paths"]![path]![method]!["security"]?.AsArray() ?? [])
        .SelectMany(r => r!.AsObject().Select(p => $"{p.Key}: {string.Join(' ', p.Value!.AsArray().Select(s => s!.GetValue<string>()))}"))
        .ToList();

    private static void ShouldMatch(JsonObject body, JsonNode schema)
    {
        var properties = schema["properties"]!.AsObject().Select(p => p.Key).ToList();
        body.Select(p => p.Key).Should().BeSubsetOf(properties, "every property the API sends is documented");
        body.Select(p => p.Key).Should().Contain(schema["required"]!.AsArray().Select(r => r!.GetValue<string>()));
    }
}
