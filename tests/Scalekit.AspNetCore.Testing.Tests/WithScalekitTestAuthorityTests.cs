using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Scalekit.AspNetCore.Testing.Tests.Framework;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Testing.Tests;

/// <summary>
/// An app with the authority attached answers its tokens through its real pipeline: scopes, the ready negative cases
/// and the claims its handlers read.
/// </summary>
public sealed class WithScalekitTestAuthorityTests(AttachedApp app) : IClassFixture<AttachedApp>
{
    public static TheoryData<string, string> NegativeCases => new()
    {
        { nameof(ScalekitTestAuthority.CreateExpiredToken), TokenErrors.Expired },
        { nameof(ScalekitTestAuthority.CreateNotYetValidToken), TokenErrors.NotYetValid },
        { nameof(ScalekitTestAuthority.CreateTokenForOtherAudience), TokenErrors.InvalidAudience },
        { nameof(ScalekitTestAuthority.CreateTokenFromOtherIssuer), TokenErrors.InvalidIssuer },
        { nameof(ScalekitTestAuthority.CreateTokenSignedByUnknownKey), TokenErrors.SigningKeyNotFound },
    };

    [Fact]
    public async Task A_token_with_the_required_scope_is_200()
    {
        // Arrange
        var token = app.Authority.CreateToken(scopes: [AttachedApp.Read]);

        // Act
        using var response = await app.GetAsync("/api/deployments", token);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_token_without_the_required_scope_is_403_insufficient_scope()
    {
        // Arrange
        var token = app.Authority.CreateToken(scopes: [AttachedApp.Deploy]);

        // Act
        using var response = await app.GetAsync("/api/deployments", token);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        response.Challenges().Should().ContainSingle().Which.Should().Contain("error=\"insufficient_scope\"").And.Contain($"scope=\"{AttachedApp.Read}\"");
    }

    [Theory, MemberData(nameof(NegativeCases))]
    public async Task Each_ready_negative_case_is_refused_with_its_401_description(string negativeCase, string description)
    {
        // Arrange: every case carries the scope the route needs, so only its one defect can refuse it
        var token = Mint(app.Authority, negativeCase, [AttachedApp.Read]);

        // Act
        using var response = await app.GetAsync("/api/deployments", token);

        // Assert
        response.ShouldRefuseAsInvalidToken(description);
    }

    [Fact]
    public async Task Organization_and_custom_claims_reach_the_ScalekitClient_of_the_handler()
    {
        // Arrange
        var token = app.Authority.CreateToken(
            scopes: [AttachedApp.Read, AttachedApp.Deploy],
            organizationId: "org_59615193906282635",
            customClaims: new Dictionary<string, string> { ["environment"] = "production_us" },
            clientId: "m2morg_68315758685323697");

        // Act
        using var response = await app.GetAsync("/api/me", token);

        // Assert
        var me = await response.ReadOkJsonAsync<Caller>();
        me.ClientId.Should().Be("m2morg_68315758685323697");
        me.OrganizationId.Should().Be("org_59615193906282635");
        me.Scopes.Should().Equal(AttachedApp.Deploy, AttachedApp.Read);
        me.CustomClaims.Should().Equal(new Dictionary<string, string> { ["environment"] = "production_us" });
    }

    [Fact]
    public async Task Without_arguments_a_token_carries_the_authority_client_and_organization()
    {
        // Act
        using var response = await app.GetAsync("/api/me", app.Authority.CreateToken());

        // Assert
        var me = await response.ReadOkJsonAsync<Caller>();
        (me.ClientId, me.OrganizationId).Should().Be((app.Authority.ClientId, app.Authority.OrganizationId));
    }

    [Fact]
    public void Tokens_are_minted_for_the_audience_the_app_configured()
    {
        // Act
        var token = app.Authority.CreateToken();

        // Assert
        Jwt.Audiences(token).Should().Equal(AttachedApp.AppAudience);
    }

    [Fact]
    public void The_app_trusts_the_authority_and_keeps_its_other_settings()
    {
        // Act
        var options = app.App.Services.GetRequiredService<IOptionsMonitor<ScalekitApiAuthOptions>>().Get(ScalekitApiAuthDefaults.AuthenticationScheme);

        // Assert
        options.EnvironmentUrl.Should().Be(ScalekitTestAuthority.DefaultIssuer);
        options.Audiences.Should().Equal(AttachedApp.AppAudience);
        options.ClockSkew.Should().Be(TimeSpan.FromSeconds(30));
        options.RequireHttpsMetadata.Should().BeTrue();
    }

    [Fact]
    public async Task A_token_from_another_authority_with_the_same_issuer_is_refused_by_the_real_signature_check()
    {
        // Arrange
        using var impostor = new ScalekitTestAuthority(o => o.Audience = AttachedApp.AppAudience);
        var token = impostor.CreateToken(scopes: [AttachedApp.Read]);

        // Act
        using var response = await app.GetAsync("/api/deployments", token);

        // Assert
        response.ShouldRefuseAsInvalidToken(TokenErrors.SigningKeyNotFound);
    }

    [Fact]
    public async Task A_request_without_a_token_is_still_challenged()
    {
        // Act
        using var response = await app.App.CreateClient().GetAsync("/api/deployments");

        // Assert
        response.ShouldChallengeWithoutError();
    }

    internal static string Mint(ScalekitTestAuthority authority, string negativeCase, string[] scopes) => negativeCase switch
    {
        nameof(ScalekitTestAuthority.CreateExpiredToken) => authority.CreateExpiredToken(scopes),
        nameof(ScalekitTestAuthority.CreateNotYetValidToken) => authority.CreateNotYetValidToken(scopes),
        nameof(ScalekitTestAuthority.CreateTokenForOtherAudience) => authority.CreateTokenForOtherAudience(scopes),
        nameof(ScalekitTestAuthority.CreateTokenFromOtherIssuer) => authority.CreateTokenFromOtherIssuer(scopes),
        nameof(ScalekitTestAuthority.CreateTokenSignedByUnknownKey) => authority.CreateTokenSignedByUnknownKey(scopes),
        _ => throw new ArgumentOutOfRangeException(nameof(negativeCase), negativeCase, null),
    };

    private sealed record Caller(string ClientId, string? OrganizationId, string[] Scopes, Dictionary<string, string> CustomClaims);
}
