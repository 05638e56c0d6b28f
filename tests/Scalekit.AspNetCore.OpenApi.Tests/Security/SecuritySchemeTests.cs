using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Scalekit.AspNetCore.OpenApi.Tests.Framework;
using static Scalekit.AspNetCore.OpenApi.Tests.Framework.DocumentHost;

namespace Scalekit.AspNetCore.OpenApi.Tests.Security;

/// <summary>The security schemes: one OAuth 2.0 client-credentials scheme per Scalekit scheme.</summary>
public sealed class SecuritySchemeTests
{
    [Fact]
    public async Task The_scalekit_scheme_is_oauth2_client_credentials_at_the_token_endpoint_of_the_environment()
    {
        // Act
        var document = await DocumentAsync(app => app.MapGet("/d", () => "ok").RequireScope("read:deployments"));

        // Assert
        var scheme = document.Components!.SecuritySchemes![Scheme];
        scheme.Type.Should().Be(SecuritySchemeType.OAuth2);
        scheme.Flows!.ClientCredentials!.TokenUrl.Should().Be(new Uri("https://acme.scalekit.dev/oauth/token"));
        scheme.Flows.AuthorizationCode.Should().BeNull();
        scheme.Flows.Implicit.Should().BeNull();
    }

    [Fact]
    public async Task The_scopes_are_every_scope_an_endpoint_requires_each_described_by_the_operations_that_require_it()
    {
        // Act
        var document = await DocumentAsync(app =>
        {
            var group = app.MapGroup("/api").RequireScope("read:deployments");
            group.MapGet("/d", () => "ok");
            group.MapPost("/d", () => "ok").RequireAnyScope("deploy:applications", "admin:deployments");
        });

        // Assert: the test assembly's controllers are in every document, so ops:all is there too.
        var scopes = document.Components!.SecuritySchemes![Scheme].Flows!.ClientCredentials!.Scopes;
        scopes.Should().ContainKeys("read:deployments", "deploy:applications", "admin:deployments", "ops:all");
        scopes!["deploy:applications"].Should().Be("Required by POST /api/d, POST /ctl/deployments/rollback.");
        scopes["admin:deployments"].Should().Be("Required by POST /api/d, DELETE /ctl/deployments.");
    }

    [Fact]
    public async Task A_configured_scope_description_replaces_the_operations()
    {
        // Act
        var document = await DocumentAsync(
            app => app.MapGet("/d", () => "ok").RequireScope("read:deployments"),
            scalekit: o => o.ScopeDescriptions["read:deployments"] = "List deployments");

        // Assert
        document.Components!.SecuritySchemes![Scheme].Flows!.ClientCredentials!.Scopes!["read:deployments"].Should().Be("List deployments");
    }

    [Fact]
    public async Task Each_scalekit_scheme_gets_a_security_scheme_of_its_name_with_the_token_endpoint_of_its_environment()
    {
        // Act
        var document = await DocumentAsync(
            app => app.MapGet("/d", () => "ok").RequireScope("read:deployments"),
            services => services.AddAuthentication().AddScalekitApiAuth("Partner", Configure("https://partner.scalekit.dev/")));

        // Assert
        var schemes = document.Components!.SecuritySchemes!;
        schemes.Keys.Should().BeEquivalentTo(Scheme, "Partner");
        schemes["Partner"].Flows!.ClientCredentials!.TokenUrl.Should().Be(new Uri("https://partner.scalekit.dev/oauth/token"));
        schemes["Partner"].Flows!.ClientCredentials!.Scopes.Should().ContainKey("read:deployments");
    }

    [Fact]
    public async Task The_document_is_valid_openapi_with_the_scheme_referenced_from_the_operations()
    {
        // Act
        var json = await JsonAsync(app => app.MapGet("/d", () => "ok").RequireScope("read:deployments"));

        // Assert
        json.Should().Contain("\"tokenUrl\": \"https://acme.scalekit.dev/oauth/token\"");
        var document = OpenApiDocument.Parse(json, "json").Document!;
        document.Operation(HttpMethod.Get, "/d").Security![0].Keys.Single().Target.Should().NotBeNull("the requirement refers to the document's scheme");
    }
}
