using System.Net;

namespace Scalekit.AspNetCore.Tests.FastPath;

/// <summary>
/// The cache is skipped where JwtBearer would run application code for every token: an application that handles
/// <c>OnTokenValidated</c> or <c>OnMessageReceived</c> keeps those events on every request. It can also be turned off.
/// </summary>
public sealed class JwtBearerEventsTests
{
    [Fact]
    public async Task OnTokenValidated_runs_for_every_request_with_a_repeated_token()
    {
        // Arrange
        var calls = 0;
        await using var host = await FastPathHost.StartAsync(jwtBearer: o => o.Events.OnTokenValidated = _ =>
        {
            Interlocked.Increment(ref calls);
            return Task.CompletedTask;
        });
        var token = host.Host.ValidToken();

        // Act
        var statuses = await host.SendAsync(token, times: 3);

        // Assert
        statuses.Should().AllBeEquivalentTo(HttpStatusCode.OK);
        calls.Should().Be(3);
    }

    [Fact]
    public async Task OnMessageReceived_runs_for_every_request_with_a_repeated_token()
    {
        // Arrange
        var calls = 0;
        await using var host = await FastPathHost.StartAsync(jwtBearer: o => o.Events.OnMessageReceived = _ =>
        {
            Interlocked.Increment(ref calls);
            return Task.CompletedTask;
        });
        var token = host.Host.ValidToken();

        // Act
        await host.SendAsync(token, times: 3);

        // Assert
        calls.Should().Be(3);
        host.SignatureChecks.Should().Be(3);
    }

    [Fact]
    public async Task Handling_only_OnChallenge_keeps_the_cache()
    {
        // Arrange
        await using var host = await FastPathHost.StartAsync(jwtBearer: o => o.Events.OnChallenge = _ => Task.CompletedTask);
        var token = host.Host.ValidToken();

        // Act
        await host.SendAsync(token, times: 3);

        // Assert
        host.SignatureChecks.Should().Be(1);
    }

    [Fact]
    public async Task With_the_cache_turned_off_every_request_is_validated_in_full()
    {
        // Arrange
        await using var host = await FastPathHost.StartAsync(o => o.TokenCache.Enabled = false);
        var token = host.Host.ValidToken();

        // Act
        var statuses = await host.SendAsync(token, times: 3);

        // Assert
        statuses.Should().AllBeEquivalentTo(HttpStatusCode.OK);
        host.SignatureChecks.Should().Be(3);
    }
}
