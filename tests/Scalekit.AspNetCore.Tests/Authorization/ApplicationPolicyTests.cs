using System.Net;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.Authorization;

/// <summary>
/// The application's own policy (<see cref="AuthorizationApiFixture.AcmeOnlyPolicy"/>: <c>oid</c> must be Acme's), registered
/// with <c>AddAuthorization(o =&gt; o.AddPolicy(…))</c>, keeps working beside the scope policies.
/// </summary>
public sealed class ApplicationPolicyTests(AuthorizationApiFixture api) : IClassFixture<AuthorizationApiFixture>
{
    public static TheoryData<string> PolicyOnlyPaths => ["/min/acme-only", "/mvc/acme-only"];

    [Theory, MemberData(nameof(PolicyOnlyPaths))]
    public async Task A_named_application_policy_lets_a_matching_token_through(string path)
    {
        // Act
        var answer = await api.SendAsync(HttpMethod.Get, path);

        // Assert
        answer.ShouldBeOk("acme");
    }

    [Theory, MemberData(nameof(PolicyOnlyPaths))]
    public async Task A_named_application_policy_forbids_a_token_that_does_not_match_without_a_scope_challenge(string path)
    {
        // Act
        var answer = await api.SendTokenAsync(HttpMethod.Get, path, OtherOrganizationToken(ApiHost.Read));

        // Assert
        answer.Status.Should().Be(HttpStatusCode.Forbidden);
        answer.Challenge.Should().BeNull();
    }

    [Fact]
    public async Task An_authorize_policy_and_a_scope_on_one_action_are_both_met_by_a_matching_token_with_the_scope()
    {
        // Act
        var answer = await api.SendAsync(HttpMethod.Get, "/mvc/acme-only/read", ApiHost.Read);

        // Assert
        answer.ShouldBeOk("read");
    }

    [Fact]
    public async Task An_authorize_policy_beside_a_scope_does_not_excuse_the_missing_scope()
    {
        // Act
        var answer = await api.SendAsync(HttpMethod.Get, "/mvc/acme-only/read", ApiHost.Deploy);

        // Assert
        answer.ShouldBeInsufficientScope(required: [ApiHost.Read], missing: [ApiHost.Read]);
    }

    [Fact]
    public async Task A_scope_beside_an_authorize_policy_does_not_excuse_the_failed_policy()
    {
        // Act
        var answer = await api.SendTokenAsync(HttpMethod.Get, "/mvc/acme-only/read", OtherOrganizationToken(ApiHost.Read));

        // Assert
        answer.Status.Should().Be(HttpStatusCode.Forbidden);
        answer.Challenge.Should().BeNull();
    }

    private string OtherOrganizationToken(params string[] scopes) =>
        api.Token(payload =>
        {
            payload["oid"] = "org_00000000000000001";
            payload["scopes"] = scopes;
        });
}
