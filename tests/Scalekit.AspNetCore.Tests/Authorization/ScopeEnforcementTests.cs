using System.Net;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.Authorization;

/// <summary>One scope on <c>GET {prefix}/read</c>, for controllers (<c>/mvc</c>) and minimal APIs (<c>/min</c>).</summary>
public sealed class ScopeEnforcementTests(AuthorizationApiFixture api) : IClassFixture<AuthorizationApiFixture>
{
    public static TheoryData<string> Prefixes => ["/min", "/mvc"];

    [Theory, MemberData(nameof(Prefixes))]
    public async Task A_token_with_the_required_scope_is_let_through(string prefix)
    {
        // Act
        var answer = await api.SendAsync(HttpMethod.Get, prefix + "/read", ApiHost.Read);

        // Assert
        answer.ShouldBeOk("read");
    }

    [Theory, MemberData(nameof(Prefixes))]
    public async Task A_token_without_the_required_scope_is_answered_403_with_an_insufficient_scope_challenge(string prefix)
    {
        // Act
        var answer = await api.SendAsync(HttpMethod.Get, prefix + "/read", ApiHost.Deploy);

        // Assert
        answer.Status.Should().Be(HttpStatusCode.Forbidden);
        answer.Challenge.Should().Be("Bearer error=\"insufficient_scope\", error_description=\"The access token lacks a required scope\", scope=\"read:deployments\"");
    }

    [Theory, MemberData(nameof(Prefixes))]
    public async Task The_403_body_is_a_problem_document_naming_the_required_and_missing_scopes(string prefix)
    {
        // Act
        var answer = await api.SendAsync(HttpMethod.Get, prefix + "/read", ApiHost.Deploy);

        // Assert
        answer.MediaType.Should().Be("application/problem+json");
        answer.Problem.Should().BeEquivalentTo(new
        {
            Type = ApiAnswerAssertions.Rfc6750,
            Title = "Forbidden",
            Status = 403,
            RequiredScopes = new[] { ApiHost.Read },
            MissingScopes = new[] { ApiHost.Read },
        });
    }

    [Theory, MemberData(nameof(Prefixes))]
    public async Task A_token_without_any_scope_is_forbidden(string prefix)
    {
        // Act
        var answer = await api.SendAsync(HttpMethod.Get, prefix + "/read");

        // Assert
        answer.ShouldBeInsufficientScope(required: [ApiHost.Read], missing: [ApiHost.Read]);
    }

    [Theory, MemberData(nameof(Prefixes))]
    public async Task A_request_without_a_token_is_challenged_although_no_authorize_attribute_is_present(string prefix)
    {
        // Act
        var answer = await api.SendWithoutTokenAsync(HttpMethod.Get, prefix + "/read");

        // Assert
        answer.ShouldBeChallengedForAToken();
    }

    [Theory, MemberData(nameof(Prefixes))]
    public async Task A_token_with_the_scope_but_for_another_audience_is_challenged_not_let_through(string prefix)
    {
        // Arrange
        var token = api.Token(payload =>
        {
            payload["scopes"] = new[] { ApiHost.Read };
            payload["aud"] = new[] { "billing-api.acmecorp.com" };
        });

        // Act
        var answer = await api.SendTokenAsync(HttpMethod.Get, prefix + "/read", token);

        // Assert
        answer.Status.Should().Be(HttpStatusCode.Unauthorized);
        answer.Challenge.Should().StartWith("Bearer error=\"invalid_token\"");
    }
}
