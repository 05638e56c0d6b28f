using System.Net;
using Microsoft.AspNetCore.Http;
using Scalekit.AspNetCore.Tests.Framework;
using Scalekit.Emulator.Tests.Framework;
using static Microsoft.Playwright.Assertions;

namespace Scalekit.Emulator.Tests.Endpoints;

/// <summary>The admin page at <c>/</c>, in headless Chromium: register an API client and see its secret once.</summary>
public sealed class UiEndpointsTests(ChromiumBrowser browser) : EmulatorTest(registerClient: false), IClassFixture<ChromiumBrowser>
{
    [ChromiumFact]
    public async Task Registering_a_client_in_the_page_shows_a_plain_secret_that_gets_a_token()
    {
        // Arrange
        await using var page = await OpenWithOrganizationAsync();

        // Act
        var (clientId, secret) = await page.RegisterClientAsync(
            "GitHub Actions Deployment Service", $"{SampleClient.Deploy} {SampleClient.Read}", SampleClient.Audience, "environment=production_us");

        // Assert
        var token = await Emulator.GetAccessTokenAsync(clientId, secret);
        var payload = Jwt.Payload(token);
        payload.GetProperty("scopes").Strings().Should().Equal(SampleClient.Deploy, SampleClient.Read);
        payload.GetProperty("aud").Strings().Should().Equal(SampleClient.Audience);
        payload.GetProperty("custom_claims").GetProperty("environment").GetString().Should().Be("production_us");
        (payload.GetProperty("exp").GetInt64() - payload.GetProperty("iat").GetInt64()).Should().Be(1800);
    }

    [ChromiumFact]
    public async Task After_storing_the_secret_and_reloading_the_page_shows_only_its_suffix()
    {
        // Arrange
        await using var page = await OpenWithOrganizationAsync();
        var (clientId, secret) = await RegisterDeployerAsync(page);

        // Act
        await page.ConfirmSecretStoredAsync();
        await page.ReloadAsync();

        // Assert
        await Expect(page.SecretBox).ToBeHiddenAsync();
        await Expect(page.SecretValue).ToBeEmptyAsync();
        await Expect(page.Secrets(clientId)).ToHaveTextAsync(["…" + secret[^4..] + " Revoke"]);
        (await page.ContentAsync()).Should().NotContain(secret);
    }

    [ChromiumFact]
    public async Task Adding_a_secret_and_revoking_the_old_one_in_the_page_rotates_the_credentials()
    {
        // Arrange
        await using var page = await OpenWithOrganizationAsync();
        var (clientId, old) = await RegisterDeployerAsync(page);
        await page.ConfirmSecretStoredAsync();

        // Act
        var fresh = await page.AddSecretAsync(clientId);
        await page.ConfirmSecretStoredAsync();
        await page.RevokeSecretAsync(clientId, old[^4..]);

        // Assert
        fresh.Should().NotBe(old);
        await Expect(page.Secrets(clientId)).ToHaveTextAsync(["…" + fresh[^4..] + " Revoke"]);
        await Expect(page.Error).ToBeEmptyAsync();
        using var revoked = await Emulator.PostTokenAsync(clientId, old);
        await revoked.ShouldBeOAuthErrorAsync(HttpStatusCode.Unauthorized, "invalid_client");
        using var current = await Emulator.PostTokenAsync(clientId, fresh);
        await current.ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_admin_page_is_served_as_html()
    {
        // Act
        using var response = await Emulator.Http.GetAsync("/");

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        (await response.Content.ReadAsStringAsync()).Should().Contain("id=\"client-form\"");
    }

    [Fact]
    public async Task The_session_hands_a_loopback_caller_an_environment_token_not_to_be_cached()
    {
        // Act
        using var response = await Emulator.Http.GetAsync("/ui/session");

        // Assert
        var json = await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        json.GetProperty("environment_url").GetString().Should().Be(Emulator.EnvironmentUrl);
        var token = json.GetProperty("access_token").GetString()!;
        Jwt.Payload(token).GetProperty("client_id").GetString().Should().Be(Emulator.Host.EnvironmentClientId);
        using var organizations = await Emulator.SendAsync(HttpMethod.Get, "/api/v1/organizations", null, token);
        organizations.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    /// <summary>An unknown address (<see langword="null"/>) is not known to be loopback.</summary>
    [Theory]
    [InlineData("203.0.113.7")]
    [InlineData("2001:db8::7")]
    [InlineData(null)]
    public async Task The_session_refuses_a_caller_that_is_not_on_loopback(string? address)
    {
        // Arrange
        await using var emulator = await TestServerEmulator.StartAsync();

        // Act
        var context = await emulator.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = "/ui/session";
            c.Connection.RemoteIpAddress = address is null ? null : IPAddress.Parse(address);
        });

        // Assert
        context.Response.StatusCode.Should().Be(StatusCodes.Status403Forbidden);
    }

    [Fact]
    public async Task The_session_refuses_a_loopback_caller_that_names_another_host()
    {
        // Arrange: DNS rebinding, a foreign host name resolved to 127.0.0.1
        using var request = new HttpRequestMessage(HttpMethod.Get, "/ui/session");
        request.Headers.Host = "attacker.example";

        // Act
        using var response = await Emulator.Http.SendAsync(request);

        // Assert: the host rule refuses it before the session is reached (see Hosting/HostRuleTests)
        response.StatusCode.Should().Be(HttpStatusCode.MisdirectedRequest);
    }

    [Fact]
    public async Task The_session_refuses_a_browser_request_from_another_site()
    {
        // Arrange
        using var request = new HttpRequestMessage(HttpMethod.Get, "/ui/session");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        // Act
        using var response = await Emulator.Http.SendAsync(request);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/ui/session")]
    public async Task With_the_web_ui_disabled_the_page_and_its_session_are_not_served(string path)
    {
        // Arrange
        await using var emulator = await TestEmulator.StartAsync(options => options.EnableWebUi = false);

        // Act
        using var response = await emulator.Http.GetAsync(path);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private static Task<(string ClientId, string Secret)> RegisterDeployerAsync(AdminPage page) =>
        page.RegisterClientAsync("Deployer", SampleClient.Read, SampleClient.Audience, claims: "");

    /// <summary>Opens the admin page and creates an organization through it, which the page then selects.</summary>
    private async Task<AdminPage> OpenWithOrganizationAsync()
    {
        var page = await AdminPage.OpenAsync(browser, Emulator);
        await page.CreateOrganizationAsync("Acme Corp");
        return page;
    }
}
