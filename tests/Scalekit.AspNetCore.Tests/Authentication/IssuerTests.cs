using System.Globalization;
using System.Net;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.Authentication;

/// <summary><c>iss</c>: the environment URL, compared exactly except for a trailing slash.</summary>
public sealed class IssuerTests(ScalekitApiFixture fixture) : IClassFixture<ScalekitApiFixture>
{
    [Theory]
    [InlineData("https://acme.scalekit.dev")]
    [InlineData("{0}/other-tenant")]
    [InlineData("{0}//")]
    [InlineData("{0}.evil.example")]
    [InlineData("")]
    public async Task A_token_from_another_issuer_is_refused(string issuerFormat)
    {
        // Arrange: {0} is the real environment URL, which the forged issuer extends
        var iss = string.Format(CultureInfo.InvariantCulture, issuerFormat, fixture.Issuer.EnvironmentUrl);
        var token = fixture.Issuer.TokenWith(p => p["iss"] = iss);

        // Act
        using var response = await fixture.Api.GetAsync("/authenticated", token);

        // Assert
        response.ShouldRefuseAsInvalidToken(TokenErrors.InvalidIssuer);
    }

    [Fact]
    public async Task A_token_issuer_with_a_trailing_slash_is_refused_by_a_configured_issuer_without_one()
    {
        // Arrange: the fixture's API is configured with the environment URL as it is, without a slash
        var token = fixture.Issuer.TokenWith(p => p["iss"] = fixture.Issuer.EnvironmentUrl + "/");

        // Act
        using var response = await fixture.Api.GetAsync("/authenticated", token);

        // Assert: iss is compared exactly (RFC 7519 §4.1.1, a case-sensitive string)
        response.ShouldRefuseAsInvalidToken(TokenErrors.InvalidIssuer);
    }

    [Theory]
    [InlineData(nameof(ScalekitApiAuthOptions.EnvironmentUrl))]
    [InlineData(nameof(ScalekitApiAuthOptions.Issuer))]
    public async Task A_token_issuer_without_a_trailing_slash_matches_a_configured_issuer_with_one(string option)
    {
        // Arrange: the issuer comes from EnvironmentUrl or from Issuer, written with a trailing slash
        var withSlash = fixture.Issuer.EnvironmentUrl + "/";
        await using var api = await fixture.StartApiAsync(o =>
        {
            if (option == nameof(ScalekitApiAuthOptions.Issuer))
            {
                o.Issuer = withSlash;
            }
            else
            {
                o.EnvironmentUrl = withSlash;
            }
        });

        // Act
        using var response = await api.GetAsync("/authenticated", fixture.Issuer.Token(ApiHost.Read));

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
