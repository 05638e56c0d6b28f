using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;
using Scalekit.Emulator.Tests.Framework;

namespace Scalekit.Emulator.Tests.Hosting;

/// <summary>
/// In the Development environment the developer exception page handles exceptions before any startup filter's
/// middleware sees them; a locked database is a 503 there too, not the exception page's 500.
/// </summary>
public sealed class DatabaseBusyDevelopmentTests : IAsyncLifetime
{
    private readonly TemporaryDatabase _database = new();
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddScalekitEmulator(configure: options => options.Database = _database.Path);
        _app = builder.Build();
        _app.MapScalekitEmulator();
        await _app.StartAsync();
        _http = _app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task In_development_a_locked_database_is_a_503_with_retry_after_not_the_exception_page()
    {
        // Arrange
        using var tokenResponse = await _http.PostAsync("/oauth/token", TestEmulator.Form("skc_emulator", "emulator-secret"));
        var token = (await tokenResponse.ShouldHaveStatusAsync(HttpStatusCode.OK)).GetProperty("access_token").GetString();
        using var locked = DatabaseLock.Take(_database.Path);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/organizations") { Content = JsonContent.Create(new { display_name = "Acme Corp" }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        // Act
        using var response = await _http.SendAsync(request);

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "locked by another connection");
        response.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(1));
    }
}
