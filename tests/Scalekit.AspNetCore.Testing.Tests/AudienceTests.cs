using System.Net;
using Scalekit.AspNetCore.Testing.Tests.Framework;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Testing.Tests;

/// <summary>Whom the tokens are for: the app's configured audience by default, the authority's when it sets one.</summary>
public sealed class AudienceTests
{
    private const string TestAudience = "https://api.test.scalekit.local";

    [Fact]
    public async Task An_audience_set_on_the_authority_is_the_one_the_app_accepts()
    {
        // Arrange
        using var app = AttachedApp.With(o => o.Audience = TestAudience);

        // Act
        using var response = await app.GetAsync("/api/deployments", app.Authority.CreateToken(scopes: [AttachedApp.Read]));

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_audience_set_on_the_authority_replaces_the_app_configured_one()
    {
        // Arrange
        using var app = AttachedApp.With(o => o.Audience = TestAudience);
        var token = app.Authority.CreateToken(scopes: [AttachedApp.Read], audience: AttachedApp.AppAudience);

        // Act
        using var response = await app.GetAsync("/api/deployments", token);

        // Assert
        response.ShouldRefuseAsInvalidToken(TokenErrors.InvalidAudience);
    }

    [Fact]
    public void A_token_minted_before_the_app_started_carries_the_app_audience()
    {
        // Arrange: nothing has started the app yet
        using var app = AttachedApp.With();

        // Act
        var token = app.Authority.CreateToken();

        // Assert
        Jwt.Audiences(token).Should().Equal(AttachedApp.AppAudience);
    }

    [Fact]
    public void A_detached_authority_asks_for_an_audience_instead_of_guessing()
    {
        // Arrange
        using var authority = new ScalekitTestAuthority();

        // Act
        var mint = () => authority.CreateToken();

        // Assert
        mint.Should().Throw<InvalidOperationException>().WithMessage("*pass audience: to CreateToken, or set ScalekitTestAuthorityOptions.Audience*");
    }

    [Fact]
    public void An_explicit_audience_needs_no_app()
    {
        // Arrange
        using var authority = new ScalekitTestAuthority();

        // Act
        var token = authority.CreateToken(audience: TestAudience);

        // Assert
        Jwt.Audiences(token).Should().Equal(TestAudience);
    }
}
