using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.SigningKeys;

/// <summary>
/// The JWKS and the discovery document are read from the configured address or not at all: redirects are not
/// followed, neither by the backchannel nor when an application's own handler follows them. The fetch fails as any
/// other (logged, backed off, the last good keys kept; see <see cref="IssuerFailures"/>).
/// </summary>
public sealed class JwksRedirectTests
{
    private const string FetchFailedEvent = "SigningKeysFetchFailed";

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task A_redirecting_JWKS_is_not_followed(int redirectStatus)
    {
        // Arrange
        await using var host = await SigningKeysHost.StartAsync(JwksMode.Redirect);
        host.Issuer.RedirectStatus = redirectStatus;

        // Act
        var status = await host.StatusWithFetchAsync(host.ValidToken());

        // Assert
        status.Should().Be(HttpStatusCode.ServiceUnavailable);
        host.Issuer.MovedRequestCount.Should().Be(0);
    }

    [Fact]
    public async Task A_redirect_fails_the_fetch_naming_its_status_and_the_location_not_followed()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartAsync(JwksMode.Redirect, services: SigningKeyLogs.Capture);

        // Act
        await host.StatusWithFetchAsync(host.ValidToken());

        // Assert
        SigningKeyLogs.Of(host, FetchFailedEvent).Should().ContainSingle().Which.Message.Should().Contain(
            $"HTTP 302 from {host.Issuer.EnvironmentUrl}/keys, redirecting to {host.Issuer.EnvironmentUrl}{JwksServer.MovedKeysPath}: redirects are not followed");
    }

    [Fact]
    public async Task A_redirecting_discovery_document_is_not_followed()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartAsync(configure: options =>
        {
            options.DiscoveryUri = options.EnvironmentUrl + JwksServer.DiscoveryPath;
            options.JwksUri = null;
        });
        host.Issuer.RedirectDiscovery = true;

        // Act
        var status = await host.StatusOfAsync(host.ValidToken());

        // Assert
        status.Should().Be(HttpStatusCode.ServiceUnavailable);
        host.Issuer.MovedRequestCount.Should().Be(0);
        host.Issuer.FetchCount.Should().Be(0);
    }

    [Fact]
    public async Task Keys_an_application_handler_fetched_by_following_a_redirect_are_refused()
    {
        // Arrange: the application replaces the backchannel's primary handler with one that follows redirects
        await using var host = await SigningKeysHost.StartAsync(JwksMode.Redirect, services: FollowRedirects);

        // Act
        var status = await host.StatusWithFetchAsync(host.ValidToken());

        // Assert
        status.Should().Be(HttpStatusCode.ServiceUnavailable);
        host.Issuer.MovedRequestCount.Should().Be(1, "the application's handler followed the redirect");
    }

    [Fact]
    public async Task Keys_fetched_from_another_address_fail_the_fetch_naming_that_address()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartAsync(JwksMode.Redirect, services: services =>
        {
            SigningKeyLogs.Capture(services);
            FollowRedirects(services);
        });

        // Act
        await host.StatusWithFetchAsync(host.ValidToken());

        // Assert
        SigningKeyLogs.Of(host, FetchFailedEvent).Should().ContainSingle().Which.Message.Should().Contain(
            $"the request to {host.Issuer.EnvironmentUrl}/keys was answered from {host.Issuer.EnvironmentUrl}{JwksServer.MovedKeysPath}");
    }

    private static void FollowRedirects(IServiceCollection services) =>
        services.AddHttpClient(ScalekitApiAuthDefaults.BackchannelHttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = true });
}
