using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Scalekit.AspNetCore.Authorization;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.FastAuthorization;

/// <summary>
/// <see cref="ScalekitApiAuthOptions.FastAuthorization"/>: a Scalekit-authenticated request that meets a policy of
/// only an authenticated user and scopes is let through without <c>IAuthorizationService</c> (seen by the absence of
/// its debug line "Authorization was successful"), and only while nothing of the application's could answer otherwise.
/// </summary>
public sealed class FastAuthorizationTests(IssuerFixture fixture) : IClassFixture<IssuerFixture>
{
    private const string ServiceSucceeded = "Authorization was successful";
    private const string ServiceFailed = "Authorization failed";

    [Theory]
    [InlineData("/min/read")]
    [InlineData("/mvc/read")]
    [InlineData("/authenticated")]
    public async Task A_request_that_meets_its_scopes_is_let_through_without_the_authorization_service(string path)
    {
        // Arrange
        await using var app = await StartAsync();

        // Act
        var answer = await SendAsync(app, path, ApiHost.Read);

        // Assert
        answer.Status.Should().Be(HttpStatusCode.OK);
        Messages(app).Should().NotContain(m => m.Contains(ServiceSucceeded));
        Events(app).Should().Contain("FastAuthorizationOn");
    }

    [Fact]
    public async Task A_token_without_the_scope_is_refused_by_the_authorization_service()
    {
        // Arrange
        await using var app = await StartAsync();

        // Act
        var answer = await SendAsync(app, "/min/read", ApiHost.Deploy);

        // Assert
        answer.ShouldBeInsufficientScope(required: [ApiHost.Read], missing: [ApiHost.Read]);
        Messages(app).Should().Contain(m => m.Contains(ServiceFailed));
    }

    [Fact]
    public async Task Turning_it_off_sends_every_request_through_the_authorization_service()
    {
        // Arrange
        await using var app = await StartAsync(configure: o => o.FastAuthorization = false);

        // Act
        var answer = await SendAsync(app, "/min/read", ApiHost.Read);

        // Assert
        answer.Status.Should().Be(HttpStatusCode.OK);
        Messages(app).Should().Contain(m => m.Contains(ServiceSucceeded));
        Messages(app).Should().Contain(m => m.Contains("Scalekit:FastAuthorization is false"));
    }

    [Fact]
    public async Task An_application_handler_that_sees_every_requirement_still_refuses()
    {
        // Arrange
        await using var app = await StartAsync(services: s => s.AddSingleton<IAuthorizationHandler, RefuseEverything>());

        // Act
        var answer = await SendAsync(app, "/min/read", ApiHost.Read);

        // Assert
        answer.Status.Should().Be(HttpStatusCode.Forbidden);
        Messages(app).Should().Contain(m => m.Contains(nameof(RefuseEverything)));
    }

    [Fact]
    public async Task An_application_handler_of_the_scope_requirement_still_refuses()
    {
        // Arrange
        await using var app = await StartAsync(services: s => s.AddSingleton<IAuthorizationHandler, RefuseScopes>());

        // Act
        var answer = await SendAsync(app, "/min/read", ApiHost.Read);

        // Assert
        answer.Status.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_application_handler_that_overrides_HandleAsync_turns_it_off()
    {
        // Arrange
        await using var app = await StartAsync(services: s => s.AddSingleton<IAuthorizationHandler, OperationsWithOwnDispatch>());

        // Act
        var answer = await SendAsync(app, "/min/read", ApiHost.Read);

        // Assert
        answer.Status.Should().Be(HttpStatusCode.OK);
        Messages(app).Should().Contain(m => m.Contains(ServiceSucceeded));
    }

    [Fact]
    public async Task An_application_handler_that_implements_HandleAsync_again_still_refuses()
    {
        // Arrange
        await using var app = await StartAsync(services: s => s.AddSingleton<IAuthorizationHandler, OperationsImplementedAgain>());

        // Act
        var answer = await SendAsync(app, "/min/read", ApiHost.Read);

        // Assert
        answer.Status.Should().Be(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("/feature")]
    [InlineData("/min/feature")]
    public async Task The_authentication_result_the_endpoint_sees_is_Scalekits_with_the_token_expiry(string path)
    {
        // Arrange
        await using var app = await StartAsync();

        // Act
        var answer = await SendAsync(app, path, ApiHost.Read);

        // Assert
        answer.Status.Should().Be(HttpStatusCode.OK);
        answer.Text.Should().Be("Scalekit expires");
    }

    [Fact]
    public async Task A_default_scheme_that_names_its_ticket_after_Scalekit_does_not_pass_for_it()
    {
        // Arrange
        await using var app = await StartAsync(services: s => s
            .AddAuthentication(o => o.DefaultScheme = Impersonator.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, Impersonator>(Impersonator.SchemeName, null));

        // Act
        var answer = await ApiAnswer.SendAsync(app.GetTestClient(), HttpMethod.Get, "/min/read", token: null);

        // Assert
        answer.Status.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_handler_provider_built_by_the_application_with_handlers_of_its_own_still_refuses()
    {
        // Arrange
        await using var app = await StartAsync(services: s => s.Replace(ServiceDescriptor.Transient<IAuthorizationHandlerProvider>(sp =>
            new DefaultAuthorizationHandlerProvider(sp.GetServices<IAuthorizationHandler>().Append(new RefuseEverything())))));

        // Act
        var answer = await SendAsync(app, "/min/read", ApiHost.Read);

        // Assert
        answer.Status.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_authorization_handler_registered_through_a_factory_turns_it_off()
    {
        // Arrange
        await using var app = await StartAsync(services: s => s.AddSingleton<IAuthorizationHandler>(_ => new Operations()));

        // Act
        var answer = await SendAsync(app, "/min/read", ApiHost.Read);

        // Assert
        answer.Status.Should().Be(HttpStatusCode.OK);
        Messages(app).Should().Contain(m => m.Contains("registered through a factory"));
        Messages(app).Should().Contain(m => m.Contains(ServiceSucceeded));
    }

    [Fact]
    public async Task An_application_handler_of_another_requirement_leaves_it_on()
    {
        // Arrange
        await using var app = await StartAsync(services: s => s.AddSingleton<IAuthorizationHandler, Operations>());

        // Act
        var answer = await SendAsync(app, "/min/read", ApiHost.Read);

        // Assert
        answer.Status.Should().Be(HttpStatusCode.OK);
        Messages(app).Should().NotContain(m => m.Contains(ServiceSucceeded));
    }

    [Fact]
    public async Task A_scoped_application_handler_is_still_resolved_per_request()
    {
        // Arrange
        await using var app = await StartAsync(
            services: s => s.AddScoped<RequestState>().AddScoped<IAuthorizationHandler, ScopedOperations>(),
            environment: "Development");

        // Act
        var first = await SendAsync(app, "/min/read", ApiHost.Read);
        var second = await SendAsync(app, "/min/read", ApiHost.Read);

        // Assert
        first.Status.Should().Be(HttpStatusCode.OK);
        second.Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_policy_with_a_subclass_of_the_authenticated_user_requirement_goes_through_the_authorization_service()
    {
        // Arrange
        await using var app = await StartAsync(services: s => s.AddAuthorization(o =>
            o.AddPolicy(nameof(StricterAuthenticatedUser), p => p.AddRequirements(new StricterAuthenticatedUser()))));

        // Act
        var answer = await SendAsync(app, "/stricter", ApiHost.Read);

        // Assert
        answer.Status.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_claims_transformation_turns_it_off()
    {
        // Arrange
        await using var app = await StartAsync(services: s => s.AddTransient<IClaimsTransformation, AddsAClaim>());

        // Act
        var answer = await SendAsync(app, "/min/read", ApiHost.Read);

        // Assert
        answer.Status.Should().Be(HttpStatusCode.OK);
        Messages(app).Should().Contain(m => m.Contains(nameof(AddsAClaim)));
        Messages(app).Should().Contain(m => m.Contains(ServiceSucceeded));
    }

    [Fact]
    public async Task A_policy_evaluator_the_application_registered_before_answers_every_request()
    {
        // Arrange
        var builder = TestApp.CreateBuilder();
        builder.Services.AddSingleton<IPolicyEvaluator, LetEveryoneIn>();
        await using var app = await StartAsync(builder);

        // Act
        var answer = await ApiAnswer.SendAsync(app.GetTestClient(), HttpMethod.Get, "/authenticated", token: null);

        // Assert
        answer.Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_user_of_another_scheme_goes_through_the_authorization_service()
    {
        // Arrange
        await using var app = await StartAsync(services: s => s.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, OtherAuthenticationHandler>(OtherAuthenticationHandler.SchemeName, null));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/other");
        request.Headers.Add(OtherAuthenticationHandler.UserHeader, ApiHost.Read);

        // Act
        using var response = await app.GetTestClient().SendAsync(request);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        Messages(app).Should().Contain(m => m.Contains(ServiceSucceeded));
    }

    private Task<WebApplication> StartAsync(
        Action<ScalekitApiAuthOptions>? configure = null,
        Action<IServiceCollection>? services = null,
        string environment = "Production") =>
        StartAsync(TestApp.CreateBuilder(environment: environment), configure, services);

    private Task<WebApplication> StartAsync(
        WebApplicationBuilder builder,
        Action<ScalekitApiAuthOptions>? configure = null,
        Action<IServiceCollection>? services = null)
    {
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddScalekitApiAuth(o =>
        {
            o.UseIssuer(fixture.Issuer);
            configure?.Invoke(o);
        });
        builder.Services.AddTestControllers();
        services?.Invoke(builder.Services);
        return builder.StartAsync(app =>
        {
            app.MapControllers();
            app.MapMinimalScopeRoutes();
            app.MapGet("/authenticated", () => "ok").RequireAuthorization();
            app.MapGet("/stricter", () => "ok").RequireAuthorization(nameof(StricterAuthenticatedUser));
            app.MapGet("/feature", AuthenticationResult).RequireAuthorization();
            app.MapGet("/min/feature", AuthenticationResult).RequireScope(ApiHost.Read);
            app.MapGet("/other", () => "ok").RequireAuthorization(
                new AuthorizationPolicyBuilder(OtherAuthenticationHandler.SchemeName).RequireAuthenticatedUser().Build());
        });
    }

    /// <summary>The scheme of the authentication result kept for the request, and whether it carries the token's expiry.</summary>
    private static string AuthenticationResult(HttpContext context) =>
        context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult is { Ticket: { } ticket }
            ? $"{ticket.AuthenticationScheme} {(ticket.Properties.ExpiresUtc is null ? "no expiry" : "expires")}"
            : "none";

    private Task<ApiAnswer> SendAsync(WebApplication app, string path, string scope) =>
        ApiAnswer.SendAsync(app.GetTestClient(), HttpMethod.Get, path, fixture.Issuer.Token(scope));

    private static IReadOnlyList<FakeLogRecord> Records(WebApplication app) =>
        app.Services.GetRequiredService<FakeLogCollector>().GetSnapshot();

    private static IEnumerable<string> Messages(WebApplication app) => Records(app).Select(r => r.Message);

    private static IEnumerable<string?> Events(WebApplication app) => Records(app).Select(r => r.Id.Name);

    /// <summary>Sees every requirement of every policy, and fails them all.</summary>
    private sealed class RefuseEverything : IAuthorizationHandler
    {
        public Task HandleAsync(AuthorizationHandlerContext context)
        {
            context.Fail();
            return Task.CompletedTask;
        }
    }

    private sealed class RefuseScopes : AuthorizationHandler<ScalekitScopeRequirement>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScalekitScopeRequirement requirement)
        {
            context.Fail();
            return Task.CompletedTask;
        }
    }

    private class Operations : AuthorizationHandler<OperationAuthorizationRequirement>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement) =>
            Task.CompletedTask;
    }

    /// <summary>A handler of another requirement on the face of it, which still sees every requirement.</summary>
    private sealed class OperationsWithOwnDispatch : Operations
    {
        public override Task HandleAsync(AuthorizationHandlerContext context) => Task.CompletedTask;
    }

    /// <summary>A handler of another requirement on the face of it, whose interface method sees every requirement.</summary>
    private sealed class OperationsImplementedAgain : Operations, IAuthorizationHandler
    {
        Task IAuthorizationHandler.HandleAsync(AuthorizationHandlerContext context)
        {
            context.Fail();
            return Task.CompletedTask;
        }
    }

    /// <summary>Signs everyone in with an identity and a ticket named after the Scalekit scheme, granting its scope.</summary>
    private sealed class Impersonator(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "Impersonator";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var identity = new ClaimsIdentity([new Claim(ScalekitClaimTypes.Scopes, ApiHost.Read)], ScalekitApiAuthDefaults.AuthenticationScheme);
            return Task.FromResult(AuthenticateResult.Success(
                new AuthenticationTicket(new ClaimsPrincipal(identity), ScalekitApiAuthDefaults.AuthenticationScheme)));
        }
    }

    private sealed class RequestState;

    /// <summary>Depends on a scoped service: resolving it outside a request scope fails in Development.</summary>
    private sealed class ScopedOperations(RequestState state) : AuthorizationHandler<OperationAuthorizationRequirement>
    {
        public RequestState State { get; } = state;

        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement) =>
            Task.CompletedTask;
    }

    /// <summary>An authenticated user, and more: here, never enough.</summary>
    private sealed class StricterAuthenticatedUser : DenyAnonymousAuthorizationRequirement
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, DenyAnonymousAuthorizationRequirement requirement) =>
            Task.CompletedTask;
    }

    private sealed class AddsAClaim : IClaimsTransformation
    {
        public Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
        {
            principal.Identities.First().AddClaim(new Claim("transformed", "yes"));
            return Task.FromResult(principal);
        }
    }

    /// <summary>The kind of evaluator tests register to switch authorization off.</summary>
    private sealed class LetEveryoneIn : IPolicyEvaluator
    {
        public Task<AuthenticateResult> AuthenticateAsync(AuthorizationPolicy policy, HttpContext context) =>
            Task.FromResult(AuthenticateResult.NoResult());

        public Task<PolicyAuthorizationResult> AuthorizeAsync(AuthorizationPolicy policy, AuthenticateResult authenticationResult, HttpContext context, object? resource) =>
            Task.FromResult(PolicyAuthorizationResult.Success());
    }
}
