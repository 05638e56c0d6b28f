using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace Scalekit.AspNetCore.Tests.ApiKeys;

/// <summary>One validation per key however many requests carry it, and a bounded rate of validations for keys found in no cache.</summary>
public sealed class ApiKeyConcurrencyTests
{
    [Fact]
    public async Task Concurrent_requests_with_one_new_key_make_one_validation()
    {
        // Arrange
        await using var host = await ApiKeyHost.StartAsync();
        var created = await host.CreateKeyAsync();
        var release = host.HoldValidations();
        var authenticator = host.Api.Services.GetRequiredService<ScalekitCacheRegistry>().Get(ScalekitApiAuthDefaults.AuthenticationScheme).ApiKeys!;

        // Act: 20 requests, all arriving while the first validation is held at the network
        var requests = Enumerable.Range(0, 20).Select(_ => host.GetAsync("/authenticated", created.PlainKey)).ToList();
        await ApiKeyHost.WaitUntilAsync(() => authenticator.Joined + host.Validations >= 20);
        release();
        var responses = await Task.WhenAll(requests);

        // Assert
        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK);
        host.Validations.Should().Be(1);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task A_flood_of_made_up_keys_makes_no_more_validations_than_the_burst_and_the_rest_get_503()
    {
        // Arrange: the clock stands still, so the bucket does not refill
        await using var host = await ApiKeyHost.StartAsync(o =>
        {
            o.ApiKeys.ValidationBurst = 5;
            o.ApiKeys.ValidationsPerSecond = 1;
        });

        // Act
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 50; i++)
        {
            using var response = await host.GetAsync("/authenticated", $"skapi_flood{i:D4}" + new string('f', 40));
            statuses.Add(response.StatusCode);
        }

        // Assert
        host.Validations.Should().Be(5);
        statuses.Count(s => s == HttpStatusCode.Unauthorized).Should().Be(5);
        statuses.Count(s => s == HttpStatusCode.ServiceUnavailable).Should().Be(45);
        host.LogsOf(43).Should().ContainSingle("the warning is logged once per 10 seconds, not per refusal");
    }

    [Fact]
    public async Task A_real_key_is_validated_once_the_bucket_refills()
    {
        // Arrange
        await using var host = await ApiKeyHost.StartAsync(o =>
        {
            o.ApiKeys.ValidationBurst = 1;
            o.ApiKeys.ValidationsPerSecond = 1;
        });
        var created = await host.CreateKeyAsync();
        (await host.GetAsync("/authenticated", "skapi_" + new string('m', 43))).Dispose();

        // Act
        using var throttled = await host.GetAsync("/authenticated", created.PlainKey);
        host.Time.Advance(TimeSpan.FromSeconds(1));
        using var refilled = await host.GetAsync("/authenticated", created.PlainKey);

        // Assert
        throttled.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        refilled.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_key_already_cached_is_accepted_while_the_bucket_is_empty()
    {
        // Arrange
        await using var host = await ApiKeyHost.StartAsync(o =>
        {
            o.ApiKeys.ValidationBurst = 1;
            o.ApiKeys.ValidationsPerSecond = 1;
        });
        var created = await host.CreateKeyAsync();
        (await host.GetAsync("/authenticated", created.PlainKey)).Dispose();

        // Act
        (await host.GetAsync("/authenticated", "skapi_" + new string('n', 43))).Dispose();
        using var response = await host.GetAsync("/authenticated", created.PlainKey);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
