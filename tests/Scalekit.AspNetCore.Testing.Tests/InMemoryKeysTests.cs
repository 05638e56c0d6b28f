using System.Net;
using Scalekit.AspNetCore.Testing.Tests.Framework;

namespace Scalekit.AspNetCore.Testing.Tests;

/// <summary>The app's own key cache fetches the JWKS, from memory: once, then it serves from its cache.</summary>
public sealed class InMemoryKeysTests
{
    [Fact]
    public async Task The_app_fetches_the_keys_from_the_authority_once_and_then_uses_its_cache()
    {
        // Arrange: the issuer host test.scalekit.local does not exist, so only an in-memory answer can make this pass
        using var app = AttachedApp.With();

        // Act
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await app.GetAsync("/api/deployments", app.Authority.CreateToken(scopes: [AttachedApp.Read]));
            statuses.Add(response.StatusCode);
        }

        // Assert
        statuses.Should().Equal(HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK);
        app.Authority.JwksRequestCount.Should().Be(1);
    }
}
