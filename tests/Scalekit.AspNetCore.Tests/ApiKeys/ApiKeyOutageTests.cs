using System.Net;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.ApiKeys;

/// <summary>Scalekit unreachable: a cached key keeps working until its entry expires, an uncached key gets 503 with Retry-After.</summary>
public sealed class ApiKeyOutageTests
{
    [Fact]
    public async Task While_Scalekit_is_down_a_cached_key_works_and_a_new_key_gets_503_with_Retry_After()
    {
        // Arrange
        await using var host = await ApiKeyHost.StartAsync();
        var cached = await host.CreateKeyAsync();
        var uncached = await host.CreateKeyAsync();
        (await host.GetAsync("/authenticated", cached.PlainKey)).Dispose();
        await host.Emulator.DisposeAsync();

        // Act
        using var cachedResponse = await host.GetAsync("/authenticated", cached.PlainKey);
        using var uncachedResponse = await host.GetAsync("/authenticated", uncached.PlainKey);

        // Assert
        cachedResponse.StatusCode.Should().Be(HttpStatusCode.OK);
        uncachedResponse.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        uncachedResponse.Headers.RetryAfter!.Delta.Should().Be(ApiKeyAuthenticator.RetryAfter);
        (await uncachedResponse.ReadProblemAsync()).Detail.Should().Contain("API key");
        host.LogsOf(44).Should().ContainSingle().Which.Message.Should().Contain("Scalekit is unreachable");
    }

    [Fact]
    public async Task While_Scalekit_is_down_a_cached_key_gets_503_once_its_entry_expires()
    {
        // Arrange
        await using var host = await ApiKeyHost.StartAsync(o => o.ApiKeys.CacheDuration = TimeSpan.FromMinutes(1));
        var created = await host.CreateKeyAsync();
        (await host.GetAsync("/authenticated", created.PlainKey)).Dispose();
        await host.Emulator.DisposeAsync();

        // Act
        host.Time.Advance(TimeSpan.FromMinutes(1));
        using var response = await host.GetAsync("/authenticated", created.PlainKey);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter.Should().NotBeNull();
    }

    [Fact]
    public async Task A_503_is_not_remembered_once_Scalekit_answers_again()
    {
        // Arrange: validations fail at the network while held back, then go through
        await using var host = await ApiKeyHost.StartAsync(o => o.ApiKeys.ValidationTimeout = TimeSpan.FromSeconds(2));
        var created = await host.CreateKeyAsync();
        var release = host.HoldValidations();
        var pending = host.GetAsync("/authenticated", created.PlainKey);
        await ApiKeyHost.WaitUntilAsync(() => host.Validations == 1);
        host.Time.Advance(TimeSpan.FromSeconds(2));
        using var timedOut = await pending;
        release();

        // Act
        using var response = await host.GetAsync("/authenticated", created.PlainKey);

        // Assert
        timedOut.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        host.LogsOf(44).Should().ContainSingle().Which.Message.Should().Contain("did not answer within");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
