using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.Authorization;

/// <summary>
/// Several scopes in one requirement, several requirements on one endpoint, a class or group with its action or
/// endpoint, and any-of requirements; each for controllers and minimal APIs.
/// </summary>
public sealed class ScopeCombinationTests(AuthorizationApiFixture api) : IClassFixture<AuthorizationApiFixture>
{
    private const string Read = ApiHost.Read;
    private const string Deploy = ApiHost.Deploy;

    public static TheoryData<string> Prefixes => ["/min", "/mvc"];

    /// <summary>Where an outer scope (group or controller class) meets an inner one (endpoint or action).</summary>
    public static TheoryData<string> OuterPrefixes => ["/group", "/mvc/class-scoped"];

    public static TheoryData<string, string> PrefixesAndEitherScope => new()
    {
        { "/min", Read }, { "/min", Deploy }, { "/mvc", Read }, { "/mvc", Deploy },
    };

    [Theory, MemberData(nameof(Prefixes))]
    public async Task Several_scopes_in_one_requirement_are_all_needed(string prefix)
    {
        // Act
        var answer = await api.SendAsync(HttpMethod.Post, prefix + "/both-in-one", Read);

        // Assert
        answer.ShouldBeInsufficientScope(required: [Read, Deploy], missing: [Deploy]);
    }

    [Theory, MemberData(nameof(Prefixes))]
    public async Task Several_scopes_in_one_requirement_are_met_by_a_token_with_all_of_them(string prefix)
    {
        // Act
        var answer = await api.SendAsync(HttpMethod.Post, prefix + "/both-in-one", Deploy, Read);

        // Assert
        answer.ShouldBeOk("both");
    }

    [Theory, MemberData(nameof(Prefixes))]
    public async Task Two_requirements_on_one_endpoint_are_both_needed(string prefix)
    {
        // Act
        var answer = await api.SendAsync(HttpMethod.Post, prefix + "/both", Deploy);

        // Assert
        answer.ShouldBeInsufficientScope(required: [Read, Deploy], missing: [Read]);
    }

    [Theory, MemberData(nameof(Prefixes))]
    public async Task Two_requirements_on_one_endpoint_are_met_by_a_token_with_both_scopes(string prefix)
    {
        // Act
        var answer = await api.SendAsync(HttpMethod.Post, prefix + "/both", Read, Deploy);

        // Assert
        answer.ShouldBeOk("both");
    }

    [Theory, MemberData(nameof(Prefixes))]
    public async Task Two_requirements_are_reported_exactly_like_one_requirement_with_both_scopes(string prefix)
    {
        // Act
        var two = await api.SendAsync(HttpMethod.Post, prefix + "/both", Read);
        var one = await api.SendAsync(HttpMethod.Post, prefix + "/both-in-one", Read);

        // Assert
        two.Should().BeEquivalentTo(one);
    }

    [Theory, MemberData(nameof(OuterPrefixes))]
    public async Task The_outer_scope_alone_applies_to_an_inner_endpoint_without_its_own(string prefix)
    {
        // Act
        var answer = await api.SendAsync(HttpMethod.Get, prefix + "/read", Deploy);

        // Assert
        answer.ShouldBeInsufficientScope(required: [Read], missing: [Read]);
    }

    [Theory, MemberData(nameof(OuterPrefixes))]
    public async Task The_outer_scope_is_needed_besides_the_inner_one(string prefix)
    {
        // Act
        var answer = await api.SendAsync(HttpMethod.Post, prefix + "/deploy", Deploy);

        // Assert
        answer.ShouldBeInsufficientScope(required: [Read, Deploy], missing: [Read]);
    }

    [Theory, MemberData(nameof(OuterPrefixes))]
    public async Task The_inner_scope_is_needed_besides_the_outer_one(string prefix)
    {
        // Act
        var answer = await api.SendAsync(HttpMethod.Post, prefix + "/deploy", Read);

        // Assert
        answer.ShouldBeInsufficientScope(required: [Read, Deploy], missing: [Deploy]);
    }

    [Theory, MemberData(nameof(OuterPrefixes))]
    public async Task Outer_and_inner_scopes_are_met_by_a_token_with_both(string prefix)
    {
        // Act
        var answer = await api.SendAsync(HttpMethod.Post, prefix + "/deploy", Read, Deploy);

        // Assert
        answer.ShouldBeOk("deployed");
    }

    [Theory, MemberData(nameof(PrefixesAndEitherScope))]
    public async Task Any_one_of_the_scopes_of_an_any_of_requirement_is_enough(string prefix, string scope)
    {
        // Act
        var answer = await api.SendAsync(HttpMethod.Get, prefix + "/any", scope);

        // Assert
        answer.ShouldBeOk("any");
    }

    [Theory, MemberData(nameof(Prefixes))]
    public async Task An_any_of_requirement_fails_without_any_of_its_scopes_and_names_them_all(string prefix)
    {
        // Act
        var answer = await api.SendAsync(HttpMethod.Get, prefix + "/any", "admin:deployments");

        // Assert
        answer.ShouldBeInsufficientScope(required: [Read, Deploy], missing: [Read, Deploy]);
    }

    [Fact]
    public async Task A_met_any_of_requirement_beside_an_unmet_one_is_reported_by_the_granted_alternative()
    {
        // Act
        var answer = await api.SendAsync(HttpMethod.Post, "/min/any-and-deploy", Read);

        // Assert
        answer.ShouldBeInsufficientScope(required: [Read, Deploy], missing: [Deploy]);
    }

    [Fact]
    public async Task An_unmet_any_of_requirement_beside_a_met_one_is_reported_by_all_its_alternatives()
    {
        // Act
        var answer = await api.SendAsync(HttpMethod.Post, "/min/any-and-deploy", Deploy);

        // Assert
        answer.ShouldBeInsufficientScope(required: [Read, AuthorizationApiFixture.Admin, Deploy], missing: [Read, AuthorizationApiFixture.Admin]);
    }
}
