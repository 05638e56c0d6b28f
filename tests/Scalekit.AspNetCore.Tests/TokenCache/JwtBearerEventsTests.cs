using System.Net;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Scalekit.AspNetCore.Tests.TokenCache;

/// <summary>
/// The cache is skipped where JwtBearer would run application code for every token: an application that handles
/// <c>OnTokenValidated</c> or <c>OnMessageReceived</c> keeps those events on every request. It can also be turned off.
/// </summary>
public sealed class JwtBearerEventsTests
{
    [Theory]
    [InlineData(nameof(JwtBearerEvents.OnTokenValidated))]
    [InlineData(nameof(JwtBearerEvents.OnMessageReceived))]
    public async Task An_event_the_application_handles_runs_for_every_request_with_a_repeated_token(string handled)
    {
        // Arrange
        var calls = 0;
        await using var host = await TokenCacheHost.StartAsync(jwtBearer: o =>
        {
            if (handled == nameof(JwtBearerEvents.OnTokenValidated))
            {
                o.Events.OnTokenValidated = _ => Count(ref calls);
            }
            else
            {
                o.Events.OnMessageReceived = _ => Count(ref calls);
            }
        });
        var token = host.Host.ValidToken();

        // Act
        var statuses = await host.SendAsync(token, times: 3);

        // Assert
        statuses.Should().AllBeEquivalentTo(HttpStatusCode.OK);
        calls.Should().Be(3);
        host.SignatureChecks.Should().Be(3);
    }

    [Fact]
    public async Task Handling_only_OnChallenge_keeps_the_cache()
    {
        // Arrange
        await using var host = await TokenCacheHost.StartAsync(jwtBearer: o => o.Events.OnChallenge = _ => Task.CompletedTask);
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
        await using var host = await TokenCacheHost.StartAsync(o => o.TokenCache.Enabled = false);
        var token = host.Host.ValidToken();

        // Act
        var statuses = await host.SendAsync(token, times: 3);

        // Assert
        statuses.Should().AllBeEquivalentTo(HttpStatusCode.OK);
        host.SignatureChecks.Should().Be(3);
    }

    private static Task Count(ref int calls)
    {
        Interlocked.Increment(ref calls);
        return Task.CompletedTask;
    }
}
