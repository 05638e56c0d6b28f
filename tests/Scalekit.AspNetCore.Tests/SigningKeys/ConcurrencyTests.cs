using System.Net;

namespace Scalekit.AspNetCore.Tests.SigningKeys;

/// <summary>Many requests at once through the real pipeline: the cache never turns them into server errors.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Three_hundred_parallel_valid_requests_from_a_cold_start_all_pass()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartAsync();
        var tokens = Enumerable.Range(0, 300).Select(_ => host.ValidToken()).ToList();

        // Act: one client, all requests in flight at once.
        var statuses = await Task.WhenAll(tokens.Select(host.StatusOfAsync));

        // Assert
        statuses.Should().AllBeEquivalentTo(HttpStatusCode.OK);
        host.Issuer.FetchCount.Should().Be(1);
    }
}
