using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Timeout;
using Scalekit.Client.Internal;

namespace Scalekit.Client.Tests.Resilience;

/// <summary>The shape of the token request's retry strategy.</summary>
public sealed class TokenRetryStrategyTests
{
    [Fact]
    public void Retries_back_off_exponentially_with_jitter_from_the_configured_delay()
    {
        // Arrange
        var options = new ScalekitTokenRequestOptions { MaxRetryAttempts = 4, RetryDelay = TimeSpan.FromSeconds(2), MaxRetryDelay = TimeSpan.FromSeconds(40) };

        // Act
        var retry = TokenRetryStrategy.CreateRetry(options, "m2morg_1", NullLogger.Instance);

        // Assert
        retry.BackoffType.Should().Be(DelayBackoffType.Exponential);
        retry.UseJitter.Should().BeTrue();
        retry.Delay.Should().Be(TimeSpan.FromSeconds(2));
        retry.MaxDelay.Should().Be(TimeSpan.FromSeconds(40));
        retry.MaxRetryAttempts.Should().Be(4);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.InternalServerError, true)]
    [InlineData(HttpStatusCode.BadGateway, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.GatewayTimeout, true)]
    [InlineData(HttpStatusCode.BadRequest, false)] // invalid_request, invalid_scope, unsupported_grant_type
    [InlineData(HttpStatusCode.Unauthorized, false)] // invalid_client
    [InlineData(HttpStatusCode.Forbidden, false)]
    [InlineData(HttpStatusCode.NotFound, false)]
    [InlineData(HttpStatusCode.OK, false)]
    public void Only_429_and_5xx_answers_are_transient(HttpStatusCode status, bool transient)
    {
        // Arrange
        using var response = new HttpResponseMessage(status);

        // Act
        var retried = TokenRetryStrategy.IsTransient(Outcome.FromResult(response));

        // Assert
        retried.Should().Be(transient);
    }

    [Fact]
    public void Connection_errors_and_attempt_time_outs_are_transient()
    {
        // Act
        var connection = TokenRetryStrategy.IsTransient(Outcome.FromException<HttpResponseMessage>(new HttpRequestException("Connection refused")));
        var timeout = TokenRetryStrategy.IsTransient(Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException()));
        var cancelled = TokenRetryStrategy.IsTransient(Outcome.FromException<HttpResponseMessage>(new OperationCanceledException()));

        // Assert
        connection.Should().BeTrue();
        timeout.Should().BeTrue();
        cancelled.Should().BeFalse();
    }
}
