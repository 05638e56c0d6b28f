using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ControllerApi;
using Microsoft.AspNetCore.Mvc.Testing;
using MinimalApi;
using Scalekit.AspNetCore.Testing;

namespace Scalekit.AspNetCore.Tests.Examples;

/// <summary>
/// The routes of examples/MinimalApi, examples/ControllerApi and examples/AotApi (its native executable) are a
/// contract: same paths, same scopes, same answers in every style.
/// </summary>
public sealed class ExampleRouteContractTests(ExampleApps apps) : IClassFixture<ExampleApps>
{
    private const string Read = "read:deployments";
    private const string Deploy = "deploy:applications";

    public static TheoryData<string> Apps => new(ExampleApps.Names);

    public static TheoryData<string, string> AppsAndSingleScopes
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var app in ExampleApps.Names)
            {
                data.Add(app, Read);
                data.Add(app, Deploy);
            }

            return data;
        }
    }

    [Theory, MemberData(nameof(Apps))]
    public async Task Healthz_answers_200_without_a_token(string app)
    {
        // Act
        using var response = await (await apps.ClientAsync(app)).GetAsync("/healthz");

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"status":"ok"}""");
    }

    [Theory, MemberData(nameof(Apps))]
    public async Task Ready_answers_200_without_a_token_once_the_signing_keys_are_fetched(string app)
    {
        // Arrange: a valid request caches the keys, whatever ran before (the warm-up may have already).
        using (var first = await SendAsync(app, HttpMethod.Get, "/api/deployments", [Read]))
        {
            first.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        // Act
        using var response = await (await apps.ClientAsync(app)).GetAsync("/healthz/ready");

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("Healthy");
    }

    /// <summary>
    /// A fresh app: the test kit turns the warm-up off, so no key is fetched before the first token. Not for AotApi,
    /// whose native process warms up against its emulator as it starts (its readiness is covered above).
    /// </summary>
    [Theory]
    [InlineData(ExampleApps.Minimal)]
    [InlineData(ExampleApps.Controllers)]
    public async Task Ready_answers_503_until_the_signing_keys_are_fetched_then_200(string app)
    {
        // Arrange
        using var factory = app == ExampleApps.Minimal
            ? (IDisposable)new WebApplicationFactory<MinimalApiEntryPoint>().WithScalekitTestAuthority(apps.Authority)
            : new WebApplicationFactory<ControllerApiEntryPoint>().WithScalekitTestAuthority(apps.Authority);
        var client = factory switch
        {
            WebApplicationFactory<MinimalApiEntryPoint> minimal => minimal.CreateClient(),
            WebApplicationFactory<ControllerApiEntryPoint> controllers => controllers.CreateClient(),
            _ => throw new InvalidOperationException(app),
        };

        // Act
        using var before = await client.GetAsync("/healthz/ready");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/deployments");
        request.Headers.Authorization = new("Bearer", apps.Authority.CreateToken(scopes: [Read]));
        using var first = await client.SendAsync(request);
        using var after = await client.GetAsync("/healthz/ready");

        // Assert
        before.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await before.Content.ReadAsStringAsync()).Should().Be("Unhealthy");
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        after.StatusCode.Should().Be(HttpStatusCode.OK);
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
        using var response = await (await apps.ClientAsync(app)).GetAsync("/api/deployments");

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

    [Theory, MemberData(nameof(AppsAndSingleScopes))]
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
        // Arrange
        var (clientId, organizationId) = await apps.CallerAsync(app);

        // Act
        using var response = await SendAsync(app, HttpMethod.Get, "/api/me", [Read]);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var me = await response.Content.ReadFromJsonAsync<JsonElement>();
        me.GetProperty("clientId").GetString().Should().Be(clientId);
        me.GetProperty("organizationId").GetString().Should().Be(organizationId);
        me.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()).Should().Equal(Read);
        me.GetProperty("customClaims").GetProperty("environment").GetString().Should().Be("production_us");
    }

    [Fact]
    public async Task Every_style_answers_a_missing_scope_with_the_same_header_and_body()
    {
        // Act
        var answers = new List<(HttpStatusCode Status, string Header, string Body)>();
        foreach (var app in ExampleApps.Names)
        {
            using var response = await SendAsync(app, HttpMethod.Get, "/api/deployments", [Deploy]);
            answers.Add((response.StatusCode, response.Headers.WwwAuthenticate.ToString(), await ProblemWithoutTraceIdAsync(response)));
        }

        // Assert
        answers.Should().AllBeEquivalentTo(answers[0]);
    }

    [Fact]
    public async Task Every_minimal_API_answers_with_the_same_JSON_text()
    {
        // Act: the seed deployment, the caller and a refused body, from the JIT MinimalApi and the native AotApi
        var answers = new List<(string Seed, string Me, string Invalid)>();
        foreach (var app in ExampleApps.Names.Where(a => a != ExampleApps.Controllers))
        {
            using var list = await SendAsync(app, HttpMethod.Get, "/api/deployments", [Read]);
            using var me = await SendAsync(app, HttpMethod.Get, "/api/me", [Read, Deploy]);
            using var invalid = await SendAsync(app, HttpMethod.Post, "/api/deployments/rollback", [Read, Deploy], new { });
            var caller = (await me.Content.ReadFromJsonAsync<JsonObject>())!;
            var (clientId, organizationId) = await apps.CallerAsync(app);
            caller.ToJsonString().Should().Contain(clientId).And.Contain(organizationId);
            caller.Remove("clientId");
            caller.Remove("organizationId"); // the emulator's ids differ from the test kit's
            answers.Add(((await list.Content.ReadFromJsonAsync<JsonElement>())[0].GetRawText(), caller.ToJsonString(), await ProblemWithoutTraceIdAsync(invalid)));
        }

        // Assert
        answers.Should().AllBeEquivalentTo(answers[0]);
    }

    [NativeAotFact]
    public async Task The_native_AotApi_is_published_without_an_IL_or_AOT_warning()
    {
        // Act
        await apps.NativeAsync();

        // Assert: the publish that made the executable (by .ci/run, or by the fixture)
        NativeAotApi.AnalysisWarnings(await File.ReadAllTextAsync(NativeAotApi.PublishLog)).Should().BeEmpty();
    }

    private static async Task<string> ProblemWithoutTraceIdAsync(HttpResponseMessage response)
    {
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        problem.Remove("traceId"); // differs per request by design
        return problem.ToJsonString();
    }

    private async Task<HttpResponseMessage> SendAsync(string app, HttpMethod method, string path, string[] scopes, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path)
        {
            Content = body is null ? null : JsonContent.Create(body),
        };
        return await (await apps.ClientAsync(app)).SendAsync(request.WithScalekitToken(await apps.TokenAsync(app, scopes)));
    }
}
