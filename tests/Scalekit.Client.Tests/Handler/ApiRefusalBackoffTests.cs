using Microsoft.Extensions.Time.Testing;
using Scalekit.Client.Internal;

namespace Scalekit.Client.Tests.Handler;

/// <summary>The pause after an API refused a new token: per client and API, doubling, capped, reset by any other answer.</summary>
public sealed class ApiRefusalBackoffTests
{
    private const string Billing = "https://billing.acmecorp.com";
    private const string Deployments = "https://deployment-api.acmecorp.com";

    private static readonly TokenRegistration Registration = TokenRegistration.From("api", new ScalekitClientCredentialsOptions
    {
        EnvironmentUrl = "https://acme.scalekit.dev",
        ClientId = "m2morg_68315758685323697",
        ClientSecret = "test-secret",
    });

    [Fact]
    public void The_pause_doubles_with_each_refused_new_token_up_to_five_minutes()
    {
        // Arrange
        var backoff = new ApiRefusalBackoff(new FakeTimeProvider());

        // Act
        var pauses = Enumerable.Range(0, 9).Select(_ => backoff.NewTokenRefused(Registration, Billing)).ToList();

        // Assert
        pauses.Select(p => p.TotalSeconds).Should().Equal(5, 10, 20, 40, 80, 160, 300, 300, 300);
    }

    [Fact]
    public void A_pause_ends_with_its_time_and_belongs_to_one_API()
    {
        // Arrange
        var time = new FakeTimeProvider();
        var backoff = new ApiRefusalBackoff(time);

        // Act
        backoff.NewTokenRefused(Registration, Billing);
        time.Advance(TimeSpan.FromSeconds(4));

        // Assert
        backoff.Remaining(Registration, Billing).Should().Be(TimeSpan.FromSeconds(1));
        backoff.Remaining(Registration, Deployments).Should().BeNull("another API the client calls is not paused");
        time.Advance(TimeSpan.FromSeconds(1));
        backoff.Remaining(Registration, Billing).Should().BeNull();
    }

    [Fact]
    public void An_accepted_request_resets_the_pause_of_that_API_only()
    {
        // Arrange
        var backoff = new ApiRefusalBackoff(new FakeTimeProvider());
        backoff.NewTokenRefused(Registration, Billing);
        backoff.NewTokenRefused(Registration, Billing);
        backoff.NewTokenRefused(Registration, Deployments);

        // Act
        backoff.Accepted(Registration, new Uri(Deployments + "/api/deployments"));

        // Assert
        backoff.Remaining(Registration, Deployments).Should().BeNull();
        backoff.Remaining(Registration, Billing).Should().Be(TimeSpan.FromSeconds(10));
        backoff.NewTokenRefused(Registration, Deployments).Should().Be(ApiRefusalBackoff.First, "the doubling starts over");
    }
}
