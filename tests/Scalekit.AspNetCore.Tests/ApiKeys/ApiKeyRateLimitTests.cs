using System.Net;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.ApiKeys;

/// <summary>
/// The validation rate bound: a key it holds back is answered 503 with Retry-After (not a refusal a client would act
/// on by discarding a good key), and keys accepted before have a budget of their own that made-up keys cannot spend.
/// </summary>
public sealed class ApiKeyRateLimitTests
{
    [Fact]
    public async Task A_key_held_back_by_the_validation_rate_gets_503_with_a_problem_body_saying_validations_are_rate_limited()
    {
        // Arrange: a made-up key empties the bucket
        await using var host = await ApiKeyHost.StartAsync(o =>
        {
            o.ApiKeys.ValidationBurst = 1;
            o.ApiKeys.ValidationsPerSecond = 1;
        });
        var created = await host.CreateKeyAsync();
        (await host.GetAsync("/authenticated", "skapi_" + new string('m', 43))).Dispose();

        // Act
        using var response = await host.GetAsync("/authenticated", created.PlainKey);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        response.Headers.WwwAuthenticate.Should().BeEmpty("the key was not refused");
        (await response.ReadProblemAsync()).Detail.Should().Contain("rate-limited");
    }

    [Fact]
    public async Task The_Retry_After_of_a_key_held_back_by_the_validation_rate_is_the_time_until_the_bucket_has_a_token()
    {
        // Arrange: one validation per 4 seconds
        await using var host = await ApiKeyHost.StartAsync(o =>
        {
            o.ApiKeys.ValidationBurst = 1;
            o.ApiKeys.ValidationsPerSecond = 0.25;
        });
        (await host.GetAsync("/authenticated", "skapi_" + new string('m', 43))).Dispose();

        // Act
        host.Time.Advance(TimeSpan.FromSeconds(1));
        using var response = await host.GetAsync("/authenticated", "skapi_" + new string('n', 43));

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task The_Retry_After_of_a_key_held_back_by_the_validation_rate_is_at_least_one_second()
    {
        // Arrange: ten validations per second
        await using var host = await ApiKeyHost.StartAsync(o =>
        {
            o.ApiKeys.ValidationBurst = 1;
            o.ApiKeys.ValidationsPerSecond = 10;
        });
        (await host.GetAsync("/authenticated", "skapi_" + new string('m', 43))).Dispose();

        // Act
        using var response = await host.GetAsync("/authenticated", "skapi_" + new string('n', 43));

        // Assert
        response.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_key_accepted_before_is_revalidated_when_its_entry_expires_while_made_up_keys_keep_the_bucket_empty()
    {
        // Arrange
        await using var host = await ApiKeyHost.StartAsync(o =>
        {
            o.ApiKeys.ValidationBurst = 5;
            o.ApiKeys.ValidationsPerSecond = 1;
            o.ApiKeys.CacheDuration = TimeSpan.FromMinutes(1);
        });
        var victim = await host.CreateKeyAsync();
        using var before = await host.GetAsync("/authenticated", victim.PlainKey);

        // Act: its entry expires; an attacker keeps the bucket empty with made-up keys
        host.Time.Advance(TimeSpan.FromSeconds(61));
        for (var i = 0; i < 10; i++)
        {
            (await host.GetAsync("/authenticated", $"skapi_attack{i:D4}" + new string('a', 40))).Dispose();
        }

        using var after = await host.GetAsync("/authenticated", victim.PlainKey);

        // Assert
        before.StatusCode.Should().Be(HttpStatusCode.OK);
        after.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Made_up_keys_beyond_the_rate_do_not_get_validated_from_the_budget_of_keys_accepted_before()
    {
        // Arrange
        await using var host = await ApiKeyHost.StartAsync(o =>
        {
            o.ApiKeys.ValidationBurst = 5;
            o.ApiKeys.ValidationsPerSecond = 1;
        });

        // Act
        for (var i = 0; i < 20; i++)
        {
            (await host.GetAsync("/authenticated", $"skapi_flood{i:D4}" + new string('f', 40))).Dispose();
        }

        // Assert
        host.Validations.Should().Be(5);
    }
}
