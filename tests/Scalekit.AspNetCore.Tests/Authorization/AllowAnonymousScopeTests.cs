using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.Authorization;

/// <summary>
/// <c>.AllowAnonymous()</c> makes authorization skip the scope policy; the endpoint filter that <c>.RequireScope</c>
/// adds must still refuse, with the same answers as the same endpoint without <c>AllowAnonymous</c>.
/// </summary>
public sealed class AllowAnonymousScopeTests(ScalekitApiFixture api) : IClassFixture<ScalekitApiFixture>
{
    [Fact]
    public async Task A_token_without_the_scope_is_still_refused_with_403()
    {
        // Act
        var answer = await api.SendAsync(HttpMethod.Get, "/min/anonymous-read", ApiHost.Deploy);

        // Assert
        answer.ShouldBeInsufficientScope(required: [ApiHost.Read], missing: [ApiHost.Read]);
    }

    [Fact]
    public async Task A_request_without_a_token_is_still_challenged_with_401()
    {
        // Act
        var answer = await api.SendWithoutTokenAsync(HttpMethod.Get, "/min/anonymous-read");

        // Assert
        answer.ShouldBeChallengedForAToken();
    }

    [Fact]
    public async Task A_token_with_the_scope_is_let_through()
    {
        // Act
        var answer = await api.SendAsync(HttpMethod.Get, "/min/anonymous-read", ApiHost.Read);

        // Assert
        answer.ShouldBeOk("read");
    }

    [Fact]
    public async Task The_403_is_the_same_as_without_allow_anonymous()
    {
        // Act
        var anonymous = await api.SendAsync(HttpMethod.Get, "/min/anonymous-read", ApiHost.Deploy);
        var plain = await api.SendAsync(HttpMethod.Get, "/min/read", ApiHost.Deploy);

        // Assert
        anonymous.Should().BeEquivalentTo(plain);
    }

    [Fact]
    public async Task The_401_is_the_same_as_without_allow_anonymous()
    {
        // Act
        var anonymous = await api.SendWithoutTokenAsync(HttpMethod.Get, "/min/anonymous-read");
        var plain = await api.SendWithoutTokenAsync(HttpMethod.Get, "/min/read");

        // Assert
        anonymous.Should().BeEquivalentTo(plain);
    }

    [Theory]
    [InlineData(ApiHost.Read)]
    [InlineData(ApiHost.Deploy)]
    public async Task Two_requirements_are_reported_the_same_as_without_allow_anonymous(string scope)
    {
        // Act
        var anonymous = await api.SendAsync(HttpMethod.Post, "/min/anonymous-both", scope);
        var plain = await api.SendAsync(HttpMethod.Post, "/min/both", scope);

        // Assert
        anonymous.Should().BeEquivalentTo(plain);
    }
}
