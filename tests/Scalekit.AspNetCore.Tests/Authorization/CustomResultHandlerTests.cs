using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.Authorization;

/// <summary>
/// An <see cref="IAuthorizationMiddlewareResultHandler"/> the application registered before <c>AddScalekitApiAuth</c>
/// still handles every outcome except the scope failures, which Scalekit answers with <c>insufficient_scope</c>.
/// </summary>
public sealed class CustomResultHandlerTests(IssuerFixture fixture) : IClassFixture<IssuerFixture>
{
    private const string AcmeOnly = "AcmeOnly";

    /// <summary>The three ways of registering a service: by type, as an instance, through a factory.</summary>
    public static TheoryData<string> Registrations => ["type", "instance", "factory"];

    [Theory, MemberData(nameof(Registrations))]
    public async Task A_missing_token_goes_through_the_applications_handler(string registration)
    {
        // Arrange
        await using var app = await StartAsync(registration);

        // Act
        var answer = await SendAsync(app, "/min/read", token: null);

        // Assert
        answer.ShouldBeChallengedForAToken();
        Outcomes(app).Should().Equal("challenged");
    }

    [Theory, MemberData(nameof(Registrations))]
    public async Task A_failed_application_policy_goes_through_the_applications_handler(string registration)
    {
        // Arrange
        await using var app = await StartAsync(registration);
        var payload = TestTokens.Payload(fixture.Issuer.EnvironmentUrl);
        payload["oid"] = "org_00000000000000001";

        // Act
        await SendAsync(app, "/min/acme-only", TestTokens.Sign(fixture.Issuer.PrimaryKey, payload));

        // Assert
        Outcomes(app).Should().Equal("forbidden");
    }

    [Theory, MemberData(nameof(Registrations))]
    public async Task A_success_goes_through_the_applications_handler(string registration)
    {
        // Arrange
        await using var app = await StartAsync(registration);

        // Act
        var answer = await SendAsync(app, "/min/read", fixture.Issuer.Token(ApiHost.Read));

        // Assert
        answer.ShouldBeOk("read");
        Outcomes(app).Should().Equal("succeeded");
    }

    [Theory, MemberData(nameof(Registrations))]
    public async Task A_missing_scope_is_still_answered_with_insufficient_scope(string registration)
    {
        // Arrange
        await using var app = await StartAsync(registration);

        // Act
        var answer = await SendAsync(app, "/min/read", fixture.Issuer.Token(ApiHost.Deploy));

        // Assert
        answer.ShouldBeInsufficientScope(required: [ApiHost.Read], missing: [ApiHost.Read]);
    }

    private Task<WebApplication> StartAsync(string registration)
    {
        var builder = TestApp.CreateBuilder();
        var outcomes = new AuthorizationOutcomes();
        builder.Services.AddSingleton(outcomes);
        _ = registration switch
        {
            "type" => builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, RecordingResultHandler>(),
            "instance" => builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler>(new RecordingResultHandler(outcomes)),
            "factory" => builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler>(sp => new RecordingResultHandler(sp.GetRequiredService<AuthorizationOutcomes>())),
            _ => throw new ArgumentOutOfRangeException(nameof(registration)),
        };
        builder.Services.AddScalekitApiAuth(o => o.UseIssuer(fixture.Issuer));
        builder.Services.AddAuthorization(o => o.AddPolicy(AcmeOnly, p => p.RequireClaim("oid", TestTokens.OrganizationId)));
        return builder.StartAsync(app =>
        {
            app.MapMinimalScopeRoutes();
            app.MapGet("/min/acme-only", () => "acme").RequireAuthorization(AcmeOnly);
        });
    }

    private static Task<ApiAnswer> SendAsync(WebApplication app, string path, string? token) =>
        ApiAnswer.SendAsync(app.GetTestClient(), HttpMethod.Get, path, token);

    private static IEnumerable<string> Outcomes(WebApplication app) => app.Services.GetRequiredService<AuthorizationOutcomes>();

    /// <summary>What the application's handler saw, in order.</summary>
    private sealed class AuthorizationOutcomes : ConcurrentQueue<string>;

    /// <summary>The application's handler: records the outcome, then answers as ASP.NET Core would.</summary>
    private sealed class RecordingResultHandler(AuthorizationOutcomes outcomes) : IAuthorizationMiddlewareResultHandler
    {
        private readonly AuthorizationMiddlewareResultHandler _default = new();

        public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
        {
            outcomes.Enqueue(authorizeResult.Challenged ? "challenged" : authorizeResult.Forbidden ? "forbidden" : "succeeded");
            return _default.HandleAsync(next, context, policy, authorizeResult);
        }
    }
}
