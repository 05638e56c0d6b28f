// The first example of docs/testing.md ("Testing your API"), verbatim but for the namespace line: it must compile and pass.
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Scalekit.AspNetCore.Testing;

namespace ReadmeExample;

// One app and one test authority per test class. (.NET 10 makes the top-level Program public for
// WebApplicationFactory<Program>; on older SDKs add `public partial class Program;` to Program.cs.)
public sealed class ScalekitApp : IDisposable
{
    private readonly WebApplicationFactory<Program> _factory = new();

    public ScalekitApp() => App = _factory.WithScalekitTestAuthority(Authority);

    public ScalekitTestAuthority Authority { get; } = new();

    public WebApplicationFactory<Program> App { get; }

    public HttpClient ClientWith(string token) => App.CreateClient().WithScalekitToken(token);

    public void Dispose()
    {
        _factory.Dispose();
        Authority.Dispose();
    }
}

public sealed class DeploymentsTests(ScalekitApp app) : IClassFixture<ScalekitApp>
{
    [Fact]
    public async Task Listing_with_the_read_scope_is_200()
    {
        var client = app.ClientWith(app.Authority.CreateToken(scopes: ["read:deployments"]));

        var response = await client.GetAsync("/api/deployments");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Deploying_without_the_deploy_scope_is_403()
    {
        var client = app.ClientWith(app.Authority.CreateToken(scopes: ["read:deployments"]));

        var response = await client.PostAsJsonAsync("/api/deployments", new { application = "inventory-service", version = "1.4.2" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_expired_token_is_401()
    {
        var client = app.ClientWith(app.Authority.CreateExpiredToken(scopes: ["read:deployments"]));

        var response = await client.GetAsync("/api/deployments");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
