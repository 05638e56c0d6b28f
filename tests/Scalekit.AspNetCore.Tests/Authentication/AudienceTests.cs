using System.Net;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.Authentication;

/// <summary><c>aud</c>: a string or an array, matched against the configured audiences.</summary>
public sealed class AudienceTests(ScalekitApiFixture fixture) : IClassFixture<ScalekitApiFixture>
{
    private const string OtherApi = "billing-api.acmecorp.com";

    [Theory]
    [InlineData] // no aud claim at all
    [InlineData("reporting-api.acmecorp.com")]
    [InlineData("deployment-api.acmecorp.com.evil.example")]
    [InlineData("DEPLOYMENT-API.ACMECORP.COM")]
    [InlineData("deployment-api.acmecorp.com/")] // exact: Microsoft.IdentityModel alone would ignore the trailing slash
    [InlineData("")]
    [InlineData("reporting-api.acmecorp.com", OtherApi)]
    public async Task A_token_for_another_audience_or_none_is_refused(params string[] audiences)
    {
        // Arrange
        var token = fixture.Issuer.TokenWith(p => SetAudiences(p, audiences));

        // Act
        using var response = await fixture.Api.GetAsync("/authenticated", token);

        // Assert
        response.ShouldRefuseAsInvalidToken(TokenErrors.InvalidAudience);
    }

    [Theory]
    [InlineData(TestTokens.Audience)]
    [InlineData(OtherApi, TestTokens.Audience)]
    public async Task A_token_is_accepted_when_its_audience_string_or_one_of_its_array_entries_matches(params string[] audiences)
    {
        // Arrange: one audience is sent as a plain string, several as an array
        var token = fixture.Issuer.TokenWith(p => SetAudiences(p, audiences));

        // Act
        using var response = await fixture.Api.GetAsync("/authenticated", token);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_token_is_accepted_when_any_of_its_audiences_matches_any_configured_audience()
    {
        // Arrange: two configured audiences, and a token that names only the second one among others
        await using var api = await fixture.StartApiAsync(o => o.Audiences = ["inventory-api.acmecorp.com", OtherApi]);
        var token = fixture.Issuer.TokenWith(p => p["aud"] = new[] { "reporting-api.acmecorp.com", OtherApi });

        // Act
        using var response = await api.GetAsync("/authenticated", token);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task With_audience_validation_disabled_a_token_without_an_audience_is_accepted()
    {
        // Arrange
        await using var api = await fixture.StartApiAsync(o => o.DisableAudienceValidation = true);
        var token = HostileTokens.Named(fixture.Issuer, "no audience");

        // Act
        using var response = await api.GetAsync("/authenticated", token);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    /// <summary>No audience removes <c>aud</c>, one is sent as a plain string, several as an array.</summary>
    private static void SetAudiences(Dictionary<string, object> payload, string[] audiences)
    {
        if (audiences.Length == 0)
        {
            payload.Remove("aud");
        }
        else
        {
            payload["aud"] = audiences.Length == 1 ? audiences[0] : audiences;
        }
    }
}
