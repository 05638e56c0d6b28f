using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.Authorization;

/// <summary>
/// The same route and token, once as a minimal API and once as a controller: the answers (status, <c>WWW-Authenticate</c>,
/// media type, problem body or result) must be the same.
/// </summary>
public sealed class ControllerMinimalApiParityTests(AuthorizationApiFixture api) : IClassFixture<AuthorizationApiFixture>
{
    private const string Read = ApiHost.Read;
    private const string Deploy = ApiHost.Deploy;

    /// <summary>Method, route below the prefix, and the token's scopes (<see langword="null"/>: no token).</summary>
    public static TheoryData<string, string, string[]?> Scenarios => new()
    {
        { "GET", "/read", [Read] },
        { "GET", "/read", [Deploy] },
        { "GET", "/read", [] },
        { "GET", "/read", null },
        { "POST", "/deploy", [Deploy] },
        { "POST", "/deploy", [Read] },
        { "POST", "/both", [Read, Deploy] },
        { "POST", "/both", [Read] },
        { "POST", "/both", [Deploy] },
        { "POST", "/both", [] },
        { "POST", "/both-in-one", [Read, Deploy] },
        { "POST", "/both-in-one", [Deploy] },
        { "POST", "/both-in-one", null },
        { "GET", "/any", [Read] },
        { "GET", "/any", [Deploy] },
        { "GET", "/any", [] },
        { "GET", "/any", null },
    };

    /// <summary>Scopes on a route group and its endpoint, against a controller class and its action.</summary>
    public static TheoryData<string, string, string[]?> OuterAndInnerScenarios => new()
    {
        { "GET", "/read", [Read] },
        { "GET", "/read", [Deploy] },
        { "GET", "/read", null },
        { "POST", "/deploy", [Read, Deploy] },
        { "POST", "/deploy", [Read] },
        { "POST", "/deploy", [Deploy] },
        { "POST", "/deploy", [] },
    };

    [Theory, MemberData(nameof(Scenarios))]
    public async Task A_controller_answers_exactly_like_the_minimal_api(string method, string route, string[]? scopes)
    {
        // Act
        var minimal = await SendAsync(method, "/min" + route, scopes);
        var controller = await SendAsync(method, "/mvc" + route, scopes);

        // Assert
        controller.Should().BeEquivalentTo(minimal);
    }

    [Theory, MemberData(nameof(OuterAndInnerScenarios))]
    public async Task A_scoped_controller_class_answers_exactly_like_a_scoped_route_group(string method, string route, string[]? scopes)
    {
        // Act
        var group = await SendAsync(method, "/group" + route, scopes);
        var controller = await SendAsync(method, "/mvc/class-scoped" + route, scopes);

        // Assert
        controller.Should().BeEquivalentTo(group);
    }

    private Task<ApiAnswer> SendAsync(string method, string path, string[]? scopes) =>
        scopes is null
            ? api.SendWithoutTokenAsync(new HttpMethod(method), path)
            : api.SendAsync(new HttpMethod(method), path, scopes);
}
