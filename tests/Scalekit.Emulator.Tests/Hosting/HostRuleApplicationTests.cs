using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Scalekit.Emulator.Tests.Hosting;

/// <summary>
/// The host rule in an application of one's own that calls <c>AddScalekitEmulator</c>: it runs before the routes the
/// application maps, reads <c>Emulator:AllowedHosts</c> from configuration and logs each refusal.
/// </summary>
public sealed class HostRuleApplicationTests : IAsyncLifetime
{
    private const string OwnRoute = "/own/route";
    private WebApplication _app = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders().AddFakeLogging();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Emulator:Database"] = ":memory:",
            ["Emulator:AllowedHosts:0"] = "scalekit",
        });
        builder.Services.AddScalekitEmulator(builder.Configuration);
        _app = builder.Build();
        _app.MapScalekitEmulator();
        _app.MapGet(OwnRoute, () => "own");
        await _app.StartAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_route_of_the_application_itself_is_refused_for_another_host()
    {
        // Act
        var context = await GetAsync(OwnRoute, "attacker.example");

        // Assert
        context.Response.StatusCode.Should().Be(StatusCodes.Status421MisdirectedRequest);
    }

    [Fact]
    public async Task A_host_allowed_in_the_emulator_configuration_section_is_answered()
    {
        // Act
        var context = await GetAsync("/keys", "scalekit:5100");

        // Assert
        context.Response.StatusCode.Should().Be(StatusCodes.Status200OK);
    }

    [Fact]
    public async Task A_request_without_a_host_is_answered_as_no_browser_sends_one()
    {
        // Act: HTTP/1.0 needs no Host
        var context = await GetAsync("/keys", host: null);

        // Assert
        context.Response.StatusCode.Should().Be(StatusCodes.Status200OK);
    }

    [Fact]
    public async Task A_refusal_is_logged_as_a_warning_with_the_host_clipped()
    {
        // Arrange
        var host = new string('a', 200) + ".example";

        // Act
        await GetAsync(OwnRoute, host);

        // Assert
        var record = _app.Services.GetFakeLogCollector().GetSnapshot().Should().ContainSingle(r => r.Id.Name == "HostRefused").Subject;
        record.Level.Should().Be(LogLevel.Warning);
        record.Id.Id.Should().Be(300);
        record.Message.Should().Contain($"GET {OwnRoute} for host '{host[..64]}…'").And.NotContain(host[..65]);
    }

    private Task<HttpContext> GetAsync(string path, string? host) => _app.GetTestServer().SendAsync(context =>
    {
        context.Request.Method = "GET";
        context.Request.Path = path;
        context.Request.Host = host is null ? default : new HostString(host);
    });
}
