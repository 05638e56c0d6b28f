using System.Net;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.Authentication;

/// <summary>The 401 answers of RFC 6750 §3: the <c>WWW-Authenticate</c> header and the problem body.</summary>
public sealed class ChallengeResponseTests(ScalekitApiFixture fixture) : IClassFixture<ScalekitApiFixture>
{
    [Fact]
    public async Task A_request_without_a_token_is_challenged_with_a_bare_Bearer_header()
    {
        // Arrange: no Authorization header at all

        // Act
        using var response = await fixture.Api.GetWithAuthorizationAsync("/authenticated", authorization: null);

        // Assert
        response.ShouldChallengeWithoutError();
    }

    [Fact]
    public async Task A_request_without_a_token_gets_a_problem_body_that_says_how_to_send_one()
    {
        // Arrange: no Authorization header at all

        // Act
        using var response = await fixture.Api.GetWithAuthorizationAsync("/authenticated", authorization: null);

        // Assert
        var problem = await response.ReadProblemAsync();
        problem.Status.Should().Be(401);
        problem.Detail.Should().Contain("Authorization: Bearer <token>");
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNzd29yZA==")]
    [InlineData("Digest username=\"m2morg\"")]
    [InlineData("Bearer")]
    [InlineData("Bearer    ")]
    [InlineData("Bearertoken")]
    public async Task An_authorization_header_without_a_bearer_token_counts_as_no_token(string authorization)
    {
        // Arrange: a header that names another scheme, or Bearer with nothing after it

        // Act
        using var response = await fixture.Api.GetWithAuthorizationAsync("/authenticated", authorization);

        // Assert
        response.ShouldChallengeWithoutError();
    }

    [Fact]
    public async Task An_invalid_token_is_challenged_with_invalid_token_and_a_fixed_description()
    {
        // Arrange
        var token = HostileTokens.Named(fixture.Issuer, "expired");

        // Act
        using var response = await fixture.Api.GetAsync("/authenticated", token);

        // Assert: the exact header, written out once here; the other tests use TokenErrors
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Challenges().Should().Equal("Bearer error=\"invalid_token\", error_description=\"The access token expired\"");
    }

    [Fact]
    public async Task An_invalid_token_gets_a_problem_body_with_the_same_description()
    {
        // Arrange
        var token = HostileTokens.Named(fixture.Issuer, "expired");

        // Act
        using var response = await fixture.Api.GetAsync("/authenticated", token);

        // Assert
        var problem = await response.ReadProblemAsync();
        problem.Status.Should().Be(401);
        problem.Title.Should().Be("Unauthorized");
        problem.Type.Should().Be("https://datatracker.ietf.org/doc/html/rfc6750#section-3.1");
        problem.Detail.Should().Be(TokenErrors.Expired + ".");
    }

    [Theory]
    [InlineData("expired")]
    [InlineData("other issuer")]
    [InlineData("other audience")]
    [InlineData("tampered")]
    [InlineData("alg none")]
    [InlineData("unknown key")]
    public async Task The_answer_to_a_refused_token_never_echoes_the_token(string name)
    {
        // Arrange
        var token = HostileTokens.Named(fixture.Issuer, name);
        var parts = token.Split('.');

        // Act
        using var response = await fixture.Api.GetAsync("/authenticated", token);

        // Assert: neither the token nor its header or payload part shows up in the headers or the body
        var headers = string.Join('\n', response.Headers.Concat(response.Content.Headers).SelectMany(h => h.Value));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        foreach (var secret in new[] { token, parts[0], parts[1] })
        {
            headers.Should().NotContain(secret);
            body.Should().NotContain(secret);
        }
    }

    [Theory]
    [InlineData("bearer")]
    [InlineData("BEARER")]
    [InlineData("bEaReR")]
    public async Task The_Bearer_scheme_name_is_case_insensitive(string scheme)
    {
        // Arrange
        var token = fixture.Issuer.Token(ApiHost.Read);

        // Act
        using var response = await fixture.Api.GetWithAuthorizationAsync("/authenticated", $"{scheme} {token}");

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("Bearer {\"alg\":\"none\"}")]
    [InlineData("Bearer e30.e30.e30")]
    [InlineData("Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6MTIzfQ.e30.c2ln")] // kid is a number
    [InlineData("Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6eyJhIjoxfX0.e30.c2ln")] // kid is an object
    [InlineData("Bearer WzFd.e30.c2ln")] // the header is a JSON array
    [InlineData("Bearer bm90IGpzb24.e30.c2ln")] // the header is not JSON
    [InlineData("Bearer a.b.c.d.e")]
    [InlineData("Bearer ....")]
    [InlineData("Bearer ü.ü.ü")]
    [InlineData("Bearer \t.\t.\t")]
    [InlineData("Bearer Bearer Bearer")]
    public async Task Bad_input_in_the_authorization_header_is_answered_with_401_never_5xx(string authorization)
    {
        // Arrange: a header an attacker or a broken client could send

        // Act
        using var response = await fixture.Api.GetWithAuthorizationAsync("/authenticated", authorization);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Challenges().Should().ContainSingle().Which.Should().StartWith("Bearer error=\"invalid_token\"");
    }
}
