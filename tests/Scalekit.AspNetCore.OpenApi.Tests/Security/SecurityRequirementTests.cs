using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Scalekit.AspNetCore.Authorization;
using Scalekit.AspNetCore.OpenApi.Tests.Framework;
using static Scalekit.AspNetCore.OpenApi.Tests.Framework.DocumentHost;

namespace Scalekit.AspNetCore.OpenApi.Tests.Security;

/// <summary>Each operation's security requirements, as its minimal-API metadata implies them.</summary>
public sealed class SecurityRequirementTests
{
    private const string Read = "read:deployments";
    private const string Deploy = "deploy:applications";
    private const string Admin = "admin:deployments";

    [Fact]
    public async Task RequireScope_with_several_scopes_is_one_requirement_listing_them_all()
    {
        // Act
        var document = await DocumentAsync(app => app.MapGet("/d", () => "ok").RequireScope(Read, Deploy));

        // Assert
        document.Operation(HttpMethod.Get, "/d").Requirements().Should().Equal($"Scalekit: [{Read}, {Deploy}]");
    }

    [Fact]
    public async Task The_scopes_of_a_group_and_of_its_endpoint_are_one_requirement()
    {
        // Act
        var document = await DocumentAsync(app =>
        {
            var group = app.MapGroup("/api").RequireScope(Read);
            group.MapPost("/rollback", () => "ok").RequireScope(Deploy);
        });

        // Assert
        document.Operation(HttpMethod.Post, "/api/rollback").Requirements().Should().Equal($"Scalekit: [{Read}, {Deploy}]");
    }

    [Fact]
    public async Task RequireAnyScope_is_one_requirement_per_scope()
    {
        // Act
        var document = await DocumentAsync(app => app.MapGet("/d", () => "ok").RequireAnyScope(Read, Admin));

        // Assert
        document.Operation(HttpMethod.Get, "/d").Requirements().Should().Equal($"Scalekit: [{Read}]", $"Scalekit: [{Admin}]");
    }

    [Fact]
    public async Task An_all_of_and_an_any_of_requirement_give_one_requirement_per_alternative_each_with_the_all_of_scopes()
    {
        // Act
        var document = await DocumentAsync(app =>
            app.MapGroup("/api").RequireAnyScope(Read, Admin).MapPost("/d", () => "ok").RequireScope(Deploy));

        // Assert
        document.Operation(HttpMethod.Post, "/api/d").Requirements().Should().Equal($"Scalekit: [{Read}, {Deploy}]", $"Scalekit: [{Admin}, {Deploy}]");
    }

    [Fact]
    public async Task Two_any_of_requirements_give_every_combination()
    {
        // Act
        var document = await DocumentAsync(app => app.MapGet("/d", () => "ok").RequireAnyScope(Read, Admin).RequireAnyScope(Deploy, "ops:all"));

        // Assert
        document.Operation(HttpMethod.Get, "/d").Requirements().Should().Equal(
            $"Scalekit: [{Read}, {Deploy}]", $"Scalekit: [{Read}, ops:all]", $"Scalekit: [{Admin}, {Deploy}]", $"Scalekit: [{Admin}, ops:all]");
    }

    [Fact]
    public async Task An_alternative_that_contains_another_is_left_out()
    {
        // Act: read alone passes, so "read and admin" says nothing more.
        var document = await DocumentAsync(app => app.MapGet("/d", () => "ok").RequireScope(Read).RequireAnyScope(Read, Admin));

        // Assert
        document.Operation(HttpMethod.Get, "/d").Requirements().Should().Equal($"Scalekit: [{Read}]");
    }

    [Fact]
    public async Task RequireAuthorization_is_the_scheme_without_scopes()
    {
        // Act
        var document = await DocumentAsync(app => app.MapGet("/me", () => "ok").RequireAuthorization());

        // Assert
        document.Operation(HttpMethod.Get, "/me").Requirements().Should().Equal("Scalekit: []");
    }

    [Fact]
    public async Task An_endpoint_without_authorization_metadata_has_no_requirement()
    {
        // Act
        var document = await DocumentAsync(app => app.MapGet("/healthz", () => "ok"));

        // Assert
        document.Operation(HttpMethod.Get, "/healthz").Security.Should().BeNullOrEmpty();
    }

    [Fact]
    public async Task AllowAnonymous_removes_the_requirement_of_RequireAuthorization()
    {
        // Act
        var document = await DocumentAsync(app => app.MapGroup("/api").RequireAuthorization().MapGet("/public", () => "ok").AllowAnonymous());

        // Assert
        document.Operation(HttpMethod.Get, "/api/public").Security.Should().BeNullOrEmpty();
    }

    [Fact]
    public async Task AllowAnonymous_keeps_the_scopes_of_RequireScope_because_its_endpoint_filter_still_refuses_requests_without_them()
    {
        // Act
        var document = await DocumentAsync(app => app.MapGet("/d", () => "ok").RequireScope(Read).AllowAnonymous());

        // Assert
        document.Operation(HttpMethod.Get, "/d").Requirements().Should().Equal($"Scalekit: [{Read}]");
    }

    [Fact]
    public async Task A_named_policy_with_a_scalekit_scope_requirement_documents_its_scopes()
    {
        // Act
        var document = await DocumentAsync(
            app => app.MapGet("/d", () => "ok").RequireAuthorization("Deployers"),
            services => services.AddAuthorizationBuilder().AddPolicy("Deployers", p => p.AddRequirements(new ScalekitScopeRequirement(ScopeMatch.Any, [Deploy, Admin]))));

        // Assert
        document.Operation(HttpMethod.Get, "/d").Requirements().Should().Equal($"Scalekit: [{Deploy}]", $"Scalekit: [{Admin}]");
    }

    [Fact]
    public async Task Authorization_for_another_scheme_only_documents_no_scalekit_requirement()
    {
        // Act
        var document = await DocumentAsync(
            app => app.MapGet("/d", () => "ok").RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = "Cookies" }),
            services => services.AddAuthentication().AddCookie("Cookies"));

        // Assert
        document.Operation(HttpMethod.Get, "/d").Security.Should().BeNullOrEmpty();
    }

    [Fact]
    public async Task With_several_scalekit_schemes_each_scope_alternative_is_documented_for_each_scheme()
    {
        // Act
        var document = await DocumentAsync(
            app => app.MapGet("/d", () => "ok").RequireAnyScope(Read, Admin),
            services => services.AddAuthentication().AddScalekitApiAuth("Partner", Configure("https://partner.scalekit.dev")));

        // Assert
        document.Operation(HttpMethod.Get, "/d").Requirements().Should().Equal(
            $"Scalekit: [{Read}]", $"Scalekit: [{Admin}]", $"Partner: [{Read}]", $"Partner: [{Admin}]");
    }

    [Fact]
    public async Task With_several_scalekit_schemes_RequireAuthorization_documents_the_default_scheme_only_as_it_authenticates_with_that_one()
    {
        // Act
        var document = await DocumentAsync(
            app => app.MapGet("/me", () => "ok").RequireAuthorization(),
            services => services.AddAuthentication().AddScalekitApiAuth("Partner", Configure("https://partner.scalekit.dev")));

        // Assert
        document.Operation(HttpMethod.Get, "/me").Requirements().Should().Equal("Scalekit: []");
    }

    [Fact]
    public async Task A_fallback_policy_protects_the_endpoints_without_authorization_metadata()
    {
        // Act
        var document = await DocumentAsync(
            app =>
            {
                app.MapGet("/private", () => "ok");
                app.MapGet("/healthz", () => "ok").AllowAnonymous();
            },
            services => services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build()));

        // Assert
        document.Operation(HttpMethod.Get, "/private").Requirements().Should().Equal("Scalekit: []");
        document.Operation(HttpMethod.Get, "/healthz").Security.Should().BeNullOrEmpty();
    }

    [Fact]
    public async Task Without_scalekit_api_auth_the_document_has_no_scalekit_security()
    {
        // Act
        var document = await DocumentAsync(app => app.MapGet("/d", () => "ok").RequireAuthorization(), scalekitAuth: false,
            services: services => services.AddAuthorization());

        // Assert
        document.Operation(HttpMethod.Get, "/d").Security.Should().BeNullOrEmpty();
        document.Components?.SecuritySchemes.Should().BeNullOrEmpty();
    }
}
