using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.Authentication;

/// <summary>Input that is not a JWT at all, or too large to parse.</summary>
public sealed class MalformedTokenTests(ScalekitApiFixture fixture) : IClassFixture<ScalekitApiFixture>
{
    [Fact]
    public async Task A_token_larger_than_the_size_limit_is_refused_as_too_large()
    {
        // Arrange: a genuine token, padded past the default 16 KiB
        var token = HostileTokens.Named(fixture.Issuer, "oversize");

        // Act
        using var response = await fixture.Api.GetAsync("/authenticated", token);

        // Assert
        token.Length.Should().BeGreaterThan(16 * 1024);
        response.ShouldRefuseAsInvalidToken(TokenErrors.TooLarge);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("a.b.c")]
    [InlineData("q83vEjRWeJCrze8SNFZ4kA==")] // base64 of random bytes
    [InlineData("a.b.c.d.e")]
    [InlineData("....")]
    [InlineData("bm90IGpzb24.e30.c2ln")] // the header is base64url but not JSON
    [InlineData("eyJhbGciOiJSUzI1NiIsImtpZCI6MTIzfQ.e30.c2ln")] // kid is a number
    public async Task A_string_that_is_not_a_JWT_is_refused_as_malformed(string token)
    {
        // Arrange: the token as given

        // Act
        using var response = await fixture.Api.GetAsync("/authenticated", token);

        // Assert
        response.ShouldRefuseAsInvalidToken(TokenErrors.Malformed);
    }
}
