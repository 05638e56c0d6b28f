using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.Diagnostics;

/// <summary>What a refusal leaves in the log: the rule that refused the token, never the token.</summary>
public sealed class RejectionLogTests(ScalekitApiFixture fixture) : IClassFixture<ScalekitApiFixture>
{
    [Fact]
    public async Task A_refused_token_is_logged_with_the_rule_it_broke_and_without_its_text()
    {
        // Arrange
        await using var app = await StartAsync();
        var token = fixture.Issuer.TokenWith(p => p["exp"] = "4102444800");

        // Act
        using var response = await SendAsync(app, token);

        // Assert
        var rejected = Records(app).Should().ContainSingle(r => r.Id.Name == "TokenRejected").Subject;
        rejected.Level.Should().Be(LogLevel.Information);
        rejected.Message.Should().Be("Scalekit token rejected: malformed (exp, nbf or iat is not a JSON number of seconds (NumericDate)).");
        Records(app).Should().NotContain(r => token.Split('.').Any(part => r.Message.Contains(part, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Scope_values_that_grant_nothing_are_logged_at_debug()
    {
        // Arrange
        await using var app = await StartAsync();
        var token = fixture.Issuer.TokenWith(p => p["scopes"] = new[] { ApiHost.Read, "read:deployments deploy:applications", "a\tb" });

        // Act
        using var response = await SendAsync(app, token);

        // Assert
        Records(app).Should().ContainSingle(r => r.Id.Name == "ScopeValuesIgnored")
            .Which.Should().Match<FakeLogRecord>(r => r.Level == LogLevel.Debug && r.Message.Contains("2 scope value(s)"));
    }

    private async Task<WebApplication> StartAsync()
    {
        var builder = TestApp.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddScalekitApiAuth(o => o.UseIssuer(fixture.Issuer));
        return await builder.StartAsync(app => app.MapGet("/authenticated", () => "ok").RequireAuthorization());
    }

    private static async Task<HttpResponseMessage> SendAsync(WebApplication app, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/authenticated");
        request.Headers.Authorization = new("Bearer", token);
        return await app.GetTestClient().SendAsync(request);
    }

    private static IReadOnlyList<FakeLogRecord> Records(WebApplication app) =>
        app.Services.GetRequiredService<FakeLogCollector>().GetSnapshot();
}
