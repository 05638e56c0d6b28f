using System.Globalization;
using System.Net;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.SigningKeys;

/// <summary>No key was ever fetched and the issuer fails: 503 with <c>Retry-After</c>, never 401 or 500.</summary>
public sealed class ColdStartOutageTests
{
    [Theory]
    [MemberData(nameof(IssuerFailures.All), MemberType = typeof(IssuerFailures))]
    public async Task A_request_on_a_cold_start_the_issuer_fails_gets_503(JwksMode answer)
    {
        // Arrange
        await using var host = await SigningKeysHost.StartAsync(answer);

        // Act
        var status = await host.StatusWithFetchAsync(host.ValidToken());

        // Assert
        status.Should().Be(HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task The_503_carries_retry_after_in_whole_seconds_and_a_problem_body()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartAsync(JwksMode.Unavailable);

        // Act
        using var response = await host.GetAsync(host.ValidToken());

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        var retryAfter = response.Headers.GetValues("Retry-After").Should().ContainSingle().Subject;
        int.Parse(retryAfter, NumberStyles.None, CultureInfo.InvariantCulture).Should().BeInRange(1, (int)SigningKeyTimings.MinRetryDelay.TotalSeconds);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadAsStringAsync()).Should().Contain("\"status\":503");
    }

    [Fact]
    public async Task Requests_during_the_cold_start_backoff_get_503_without_fetching()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartAsync(JwksMode.Unavailable);
        await host.StatusOfAsync(host.ValidToken());

        // Act
        host.Time.Advance(SigningKeyTimings.MinRetryDelay - TimeSpan.FromSeconds(1));
        using var response = await host.GetAsync(host.ValidToken());

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        response.Headers.GetValues("Retry-After").Should().Equal("1");
        host.Issuer.FetchCount.Should().Be(1);
    }

    [Theory]
    [InlineData(0, HttpStatusCode.ServiceUnavailable, 1)] // Keys.MinRetryDelay is 10 s
    [InlineData(10, HttpStatusCode.OK, 2)]
    public async Task A_recovered_issuer_is_asked_again_once_the_backoff_has_passed(int secondsLater, HttpStatusCode expected, int fetches)
    {
        // Arrange
        await using var host = await SigningKeysHost.StartAsync(JwksMode.Unavailable);
        await host.StatusOfAsync(host.ValidToken());
        host.Issuer.Mode = JwksMode.Serve;

        // Act
        host.Time.Advance(TimeSpan.FromSeconds(secondsLater));
        var status = await host.StatusOfAsync(host.ValidToken());

        // Assert
        status.Should().Be(expected);
        host.Issuer.FetchCount.Should().Be(fetches);
    }

    [Fact]
    public async Task A_hanging_issuer_on_a_cold_start_is_given_up_on_after_the_fetch_timeout()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartAsync(JwksMode.Hang);
        var arrived = host.Issuer.NextFetch();
        var request = host.StatusOfAsync(host.ValidToken());
        await arrived.Bounded();

        // Act
        host.Time.Advance(SigningKeyTimings.FetchTimeout);

        // Assert
        (await request).Should().Be(HttpStatusCode.ServiceUnavailable);
        host.Fetches.Outcomes.Should().Equal("cold_start/failure");
    }
}
