using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.Authorization;

/// <summary>
/// <c>services.AddAuthentication("Other").AddScalekitApiAuth("Scalekit", …)</c>: Scalekit is not the default scheme, yet
/// scope endpoints authenticate with it (and only with it).
/// </summary>
public sealed class NonDefaultSchemeTests(IssuerFixture fixture) : IClassFixture<IssuerFixture>, IAsyncLifetime
{
    private readonly JwksServer _issuer = fixture.Issuer;
    private WebApplication _app = null!;

    public static TheoryData<string> Prefixes => ["/min", "/mvc"];

    public async Task InitializeAsync() => _app = await StartAsync(ScalekitApiAuthDefaults.AuthenticationScheme);

    [Theory, MemberData(nameof(Prefixes))]
    public async Task A_scalekit_token_is_accepted_on_a_scope_endpoint_although_another_scheme_is_the_default(string prefix)
    {
        // Act
        var answer = await SendAsync(_app, prefix + "/read", _issuer.Token(ApiHost.Read));

        // Assert
        answer.ShouldBeOk("read");
    }

    [Theory, MemberData(nameof(Prefixes))]
    public async Task A_request_without_a_token_is_challenged_by_the_scalekit_scheme(string prefix)
    {
        // Act
        var answer = await SendAsync(_app, prefix + "/read", token: null);

        // Assert
        answer.ShouldBeChallengedForAToken();
    }

    [Theory, MemberData(nameof(Prefixes))]
    public async Task A_scalekit_token_without_the_scope_is_answered_insufficient_scope(string prefix)
    {
        // Act
        var answer = await SendAsync(_app, prefix + "/read", _issuer.Token(ApiHost.Deploy));

        // Assert
        answer.ShouldBeInsufficientScope(required: [ApiHost.Read], missing: [ApiHost.Read]);
    }

    [Theory, MemberData(nameof(Prefixes))]
    public async Task A_user_of_the_default_scheme_claiming_the_scope_is_not_let_through(string prefix)
    {
        // Act
        var answer = await SendAsync(_app, prefix + "/read", token: null, otherUserScopes: ApiHost.Read);

        // Assert
        answer.ShouldBeChallengedForAToken();
    }

    [Fact]
    public async Task A_user_of_the_default_scheme_claiming_the_scope_is_not_let_through_allow_anonymous()
    {
        // Act
        var answer = await SendAsync(_app, "/min/anonymous-read", token: null, otherUserScopes: ApiHost.Read);

        // Assert
        answer.ShouldBeChallengedForAToken();
    }

    [Theory, MemberData(nameof(Prefixes))]
    public async Task Scopes_claimed_by_another_scheme_on_the_same_endpoint_do_not_stand_in_for_a_scalekit_token(string prefix)
    {
        // Act
        var answer = await SendAsync(_app, prefix + "/also-other/read", token: null, otherUserScopes: ApiHost.Read);

        // Assert
        answer.Status.Should().NotBe(HttpStatusCode.OK, "{0}", answer);
    }

    [Fact]
    public async Task Scopes_claimed_by_another_scheme_do_not_get_past_the_endpoint_filter_of_an_allow_anonymous_endpoint()
    {
        // Act
        var answer = await SendAsync(_app, "/min/also-other/anonymous-read", token: null, otherUserScopes: ApiHost.Read);

        // Assert
        answer.Status.Should().NotBe(HttpStatusCode.OK, "{0}", answer);
    }

    [Theory, MemberData(nameof(Prefixes))]
    public async Task A_scalekit_token_with_the_scope_passes_where_another_scheme_is_also_accepted(string prefix)
    {
        // Act
        var answer = await SendAsync(_app, prefix + "/also-other/read", _issuer.Token(ApiHost.Read), otherUserScopes: "profile");

        // Assert
        answer.ShouldBeOk("read");
    }

    [Fact]
    public async Task The_caller_is_read_from_the_scalekit_identity_only_when_another_scheme_also_signed_in()
    {
        // Act
        var answer = await SendAsync(_app, "/min/also-other/me", _issuer.Token(ApiHost.Read), otherUserScopes: "admin:everything");

        // Assert
        answer.ShouldBeOk($"{TestTokens.ClientId} {ApiHost.Read}");
    }

    [Fact]
    public async Task A_user_of_another_scheme_is_not_taken_for_a_scalekit_client()
    {
        // Act
        var answer = await SendAsync(_app, "/other/me", token: null, otherUserScopes: "billing:write");

        // Assert
        answer.ShouldBeOk("none");
    }

    [Fact]
    public async Task The_default_scheme_still_serves_endpoints_without_scopes()
    {
        // Act
        var answer = await SendAsync(_app, "/other", token: null, otherUserScopes: "profile");

        // Assert
        answer.ShouldBeOk("other");
    }

    [Fact]
    public async Task A_scalekit_scheme_with_another_name_protects_scope_endpoints_the_same_way()
    {
        // Arrange
        await using var app = await StartAsync("ScalekitPartner");

        // Act
        var answer = await SendAsync(app, "/min/read", _issuer.Token(ApiHost.Read));

        // Assert
        answer.ShouldBeOk("read");
    }

    private Task<WebApplication> StartAsync(string scalekitScheme)
    {
        var builder = TestApp.CreateBuilder();
        builder.Services
            .AddAuthentication(OtherAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, OtherAuthenticationHandler>(OtherAuthenticationHandler.SchemeName, null)
            .AddScalekitApiAuth(scalekitScheme, o => o.UseIssuer(_issuer));
        builder.Services.AddTestControllers();
        return builder.StartAsync(app =>
        {
            app.MapControllers();
            app.MapMinimalScopeRoutes();
            app.MapGet("/other", () => "other").RequireAuthorization();
            app.MapGet("/other/me", (HttpContext context) => context.GetScalekitClient()?.ClientId ?? "none").RequireAuthorization();
            app.MapGet("/min/anonymous-read", () => "read").RequireScope(ApiHost.Read).AllowAnonymous();
            app.MapGet("/min/also-other/read", [Authorize(AuthenticationSchemes = OtherAuthenticationHandler.SchemeName)] () => "read")
                .RequireScope(ApiHost.Read);
            app.MapGet("/min/also-other/me", [Authorize(AuthenticationSchemes = OtherAuthenticationHandler.SchemeName)] (ScalekitClient client) =>
                    $"{client.ClientId} {string.Join(' ', client.Scopes)}")
                .RequireScope(ApiHost.Read);
            app.MapGet("/min/also-other/anonymous-read", [Authorize(AuthenticationSchemes = OtherAuthenticationHandler.SchemeName)] () => "read")
                .RequireScope(ApiHost.Read)
                .AllowAnonymous();
        });
    }

    private static Task<ApiAnswer> SendAsync(WebApplication app, string path, string? token, string? otherUserScopes = null) =>
        ApiAnswer.SendAsync(app.GetTestClient(), HttpMethod.Get, path, token, headers =>
        {
            if (otherUserScopes is not null)
            {
                headers.Add(OtherAuthenticationHandler.UserHeader, otherUserScopes);
            }
        });

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
