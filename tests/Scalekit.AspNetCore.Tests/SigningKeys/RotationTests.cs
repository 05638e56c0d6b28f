using System.Net;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.SigningKeys;

/// <summary>The issuer publishes a new key and retires the old one; the cache follows at its next refresh.</summary>
public sealed class RotationTests
{
    [Fact]
    public async Task After_a_rotation_and_a_refresh_tokens_of_the_new_key_are_accepted()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartWithCachedKeysAsync();
        var newKey = await RotateAndRefreshAsync(host);

        // Act
        var status = await host.StatusOfAsync(host.TokenSignedBy(newKey));

        // Assert
        status.Should().Be(HttpStatusCode.OK);
        host.Issuer.FetchCount.Should().Be(2, "the refresh already brought the new key");
    }

    [Fact]
    public async Task After_a_rotation_and_a_refresh_tokens_of_the_retired_key_are_refused_as_key_not_found()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartWithCachedKeysAsync();
        await RotateAndRefreshAsync(host);

        // Act
        using var response = await host.GetAsync(host.ValidToken());

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString()
            .Should().Contain($"error_description=\"{TokenFailure.Describe(TokenFailureReason.SigningKeyNotFound)}\"");
    }

    [Fact]
    public async Task Before_the_refresh_tokens_of_the_retired_key_are_still_accepted_from_the_cache()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartWithCachedKeysAsync();
        Rotate(host.Issuer);

        // Act
        var status = await host.StatusOfAsync(host.ValidToken());

        // Assert
        status.Should().Be(HttpStatusCode.OK);
        host.Issuer.FetchCount.Should().Be(1);
    }

    private static TestSigningKey Rotate(JwksServer issuer)
    {
        var newKey = issuer.Publish(TestSigningKey.Create());
        issuer.Retire(issuer.PrimaryKey);
        return newKey;
    }

    /// <summary>Rotates the cached primary key out and lets a due refresh pick the change up.</summary>
    private static async Task<TestSigningKey> RotateAndRefreshAsync(SigningKeysHost host)
    {
        var newKey = Rotate(host.Issuer);
        await host.RefreshInBackgroundAsync();
        return newKey;
    }
}
