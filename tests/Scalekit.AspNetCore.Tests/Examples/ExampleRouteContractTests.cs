using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Scalekit.AspNetCore.Testing;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.Examples;

/// <summary>
/// The routes of examples/MinimalApi and examples/ControllerApi are a contract: same paths, same scopes,
/// same answers in both styles.
/// </summary>
public sealed class ExampleRouteContractTests(ExampleApps apps) : IClassFixture<ExampleApps>
{
    private const string Read = "read:deployments";
    private const string Deploy = "deploy:applications";

    public static TheoryData<string> Apps => new() { ExampleApps.Minimal, ExampleApps.Controllers };

    [Theory, MemberData(nameof(Apps))]
    public async Task Healthz_answers_200_without_a_token(string app)
    {
        // Act
        using var response = await apps.Client(app).GetAsync("/healthz");

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory, MemberData(nameof(Apps))]
    public async Task Listing_deployments_with_read_scope_returns_a_json_list(string app)
    {
        // Act
        using var response = await SendAsync(app, HttpMethod.Get, "/api/deployments", [Read]);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.ValueKind.Should().Be(JsonValueKind.Array);
        body.GetArrayLength().Should().BeGreaterThan(0);
    }

    [Theory, MemberData(nameof(Apps))]
    public async Task Listing_deployments_without_a_token_is_401_with_a_bearer_challenge(string app)
    {
        // Act
        using var response = await apps.Client(app).GetAsync("/api/deployments");

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().Should().Be("Bearer");
    }

    [Theory, MemberData(nameof(Apps))]
    public async Task Deploying_with_deploy_scope_is_201(string app)
    {
        // Act
        using var response = await SendAsync(app, HttpMethod.Post, "/api/deployments", [Deploy],
            new { application = "inventory-service", version = "1.4.2" });

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Theory, MemberData(nameof(Apps))]
    public async Task Deploying_with_read_scope_only_is_403_insufficient_scope(string app)
    {
        // Act
        using var response = await SendAsync(app, HttpMethod.Post, "/api/deployments", [Read],
            new { application = "inventory-service", version = "1.4.2" });

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        response.Headers.WwwAuthenticate.ToString().Should().Contain("error=\"insufficient_scope\"").And.Contain($"scope=\"{Deploy}\"");
    }

    [Theory, MemberData(nameof(Apps))]
    public async Task Deploying_an_empty_body_is_400_with_a_reason(string app)
    {
        // Act
        using var response = await SendAsync(app, HttpMethod.Post, "/api/deployments", [Deploy], new { });

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("application");
    }

    [Theory, MemberData(nameof(Apps))]
    public async Task Rollback_with_both_scopes_is_200(string app)
    {
        // Act
        using var response = await SendAsync(app, HttpMethod.Post, "/api/deployments/rollback", [Read, Deploy],
            new { application = "inventory-service" });

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(ExampleApps.Minimal, Read)]
    [InlineData(ExampleApps.Minimal, Deploy)]
    [InlineData(ExampleApps.Controllers, Read)]
    [InlineData(ExampleApps.Controllers, Deploy)]
    public async Task Rollback_with_only_one_of_the_two_scopes_is_403(string app, string scope)
    {
        // Act
        using var response = await SendAsync(app, HttpMethod.Post, "/api/deployments/rollback", [scope],
            new { application = "inventory-service" });

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Theory, MemberData(nameof(Apps))]
    public async Task Me_returns_the_client_organization_scopes_and_custom_claims(string app)
    {
        // Act
        using var response = await SendAsync(app, HttpMethod.Get, "/api/me", [Read]);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var me = await response.Content.ReadFromJsonAsync<JsonElement>();
        me.GetProperty("clientId").GetString().Should().Be(TestTokens.ClientId);
        me.GetProperty("organizationId").GetString().Should().Be(TestTokens.OrganizationId);
        me.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()).Should().Equal(Read);
        me.GetProperty("customClaims").GetProperty("environment").GetString().Should().Be("production_us");
    }

    [Fact]
    public async Task Both_styles_answer_a_missing_scope_with_the_same_header_and_body()
    {
        // Act
        var answers = new List<(HttpStatusCode Status, string Header, string Body)>();
        foreach (var app in new[] { ExampleApps.Minimal, ExampleApps.Controllers })
        {
            using var response = await SendAsync(app, HttpMethod.Get, "/api/deployments", [Deploy]);
            var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            problem.Remove("traceId"); // differs per request by design
            answers.Add((response.StatusCode, response.Headers.WwwAuthenticate.ToString(), problem.ToJsonString()));
        }

        // Assert
        answers[0].Should().Be(answers[1]);
    }

    private async Task<HttpResponseMessage> SendAsync(string app, HttpMethod method, string path, string[] scopes, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path)
        {
            Content = body is null ? null : JsonContent.Create(body),
        };
        return await apps.Client(app).SendAsync(request.WithScalekitToken(apps.Token(scopes)));
    }
}
