using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.ScopeFilters;

/// <summary>
/// <c>AllowAnonymous</c> makes authorization skip the scope policy; the scope must still be enforced (the endpoint
/// filter of <c>.RequireScope</c>, the MVC filter for controllers), with the same answers as the same endpoint without
/// <c>AllowAnonymous</c>. <c>{prefix}/anonymous-read</c> and <c>{prefix}/anonymous-both</c> mirror <c>/read</c> and <c>/both</c>.
/// </summary>
public sealed class AllowAnonymousScopeTests(AuthorizationApiFixture api) : IClassFixture<AuthorizationApiFixture>
{
    public static TheoryData<string> Prefixes => ["/min", "/mvc"];

    public static TheoryData<string, string> PrefixesAndEitherScope => new()
    {
        { "/min", ApiHost.Read }, { "/min", ApiHost.Deploy }, { "/mvc", ApiHost.Read }, { "/mvc", ApiHost.Deploy },
    };

    [Theory, MemberData(nameof(Prefixes))]
    public async Task A_token_without_the_scope_is_still_refused_with_403(string prefix)
    {
        // Act
        var answer = await api.SendAsync(HttpMethod.Get, prefix + "/anonymous-read", ApiHost.Deploy);

        // Assert
        answer.ShouldBeInsufficientScope(required: [ApiHost.Read], missing: [ApiHost.Read]);
    }

    [Theory, MemberData(nameof(Prefixes))]
    public async Task A_request_without_a_token_is_still_challenged_with_401(string prefix)
    {
        // Act
        var answer = await api.SendWithoutTokenAsync(HttpMethod.Get, prefix + "/anonymous-read");

        // Assert
        answer.ShouldBeChallengedForAToken();
    }

    [Theory, MemberData(nameof(Prefixes))]
    public async Task A_token_with_the_scope_is_let_through(string prefix)
    {
        // Act
        var answer = await api.SendAsync(HttpMethod.Get, prefix + "/anonymous-read", ApiHost.Read);

        // Assert
        answer.ShouldBeOk("read");
    }

    [Theory, MemberData(nameof(Prefixes))]
    public async Task The_403_is_the_same_as_without_allow_anonymous(string prefix)
    {
        // Act
        var anonymous = await api.SendAsync(HttpMethod.Get, prefix + "/anonymous-read", ApiHost.Deploy);
        var plain = await api.SendAsync(HttpMethod.Get, prefix + "/read", ApiHost.Deploy);

        // Assert
        anonymous.Should().BeEquivalentTo(plain);
    }

    [Theory, MemberData(nameof(Prefixes))]
    public async Task The_401_is_the_same_as_without_allow_anonymous(string prefix)
    {
        // Act
        var anonymous = await api.SendWithoutTokenAsync(HttpMethod.Get, prefix + "/anonymous-read");
        var plain = await api.SendWithoutTokenAsync(HttpMethod.Get, prefix + "/read");

        // Assert
        anonymous.Should().BeEquivalentTo(plain);
    }

    [Theory, MemberData(nameof(PrefixesAndEitherScope))]
    public async Task Two_requirements_are_reported_the_same_as_without_allow_anonymous(string prefix, string scope)
    {
        // Act
        var anonymous = await api.SendAsync(HttpMethod.Post, prefix + "/anonymous-both", scope);
        var plain = await api.SendAsync(HttpMethod.Post, prefix + "/both", scope);

        // Assert
        anonymous.Should().BeEquivalentTo(plain);
    }
}
