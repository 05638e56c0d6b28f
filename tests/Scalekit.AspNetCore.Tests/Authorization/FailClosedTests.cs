using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.Authorization;

/// <summary>
/// Scope metadata in an application that never called <c>AddScalekitApiAuth</c> must not be silently ignored:
/// every request fails, it is never served.
/// </summary>
public sealed class FailClosedTests
{
    /// <summary>Environment (the developer exception page turns errors into a 500 in Development) and whether another scheme is registered.</summary>
    public static TheoryData<string, bool> Setups => new()
    {
        { "Production", false },
        { "Production", true },
        { "Development", false },
        { "Development", true },
    };

    [Theory, MemberData(nameof(Setups))]
    public async Task A_minimal_api_scope_without_scalekit_registered_fails_every_request_saying_to_call_AddScalekitApiAuth(string environment, bool otherAuth)
    {
        // Act
        var attempts = await AttemptTwiceAsync(environment, otherAuth, controllers: false, "/min/read");

        // Assert
        attempts.Should().AllSatisfy(a =>
        {
            a.Status.Should().NotBe(HttpStatusCode.OK);
            a.Text.Should().Contain("AddScalekitApiAuth");
        });
    }

    [Theory, MemberData(nameof(Setups))]
    public async Task A_controller_scope_without_scalekit_registered_fails_every_request(string environment, bool otherAuth)
    {
        // Act
        var attempts = await AttemptTwiceAsync(environment, otherAuth, controllers: true, "/mvc/read");

        // Assert
        attempts.Should().AllSatisfy(a =>
            (a.Status is null or HttpStatusCode.InternalServerError).Should().BeTrue("the request must fail, not be served: {0} {1}", a.Status, a.Text));
    }

    /// <summary>
    /// Starts an application with scope routes (controllers, or minimal APIs) but without Scalekit, and sends the same
    /// request twice (a failure must not be a one-off of the first request), as a user of the scope would: with
    /// <see cref="OtherAuthenticationHandler.UserHeader"/> granting it. Each attempt is the status and body, or no status
    /// and the exception; an application that refuses to start is one attempt, its start-up exception.
    /// </summary>
    private static async Task<List<(HttpStatusCode? Status, string Text)>> AttemptTwiceAsync(string environment, bool otherAuth, bool controllers, string path)
    {
        var builder = TestApp.CreateBuilder(environment: environment);
        if (otherAuth)
        {
            builder.Services
                .AddAuthentication(OtherAuthenticationHandler.SchemeName)
                .AddScheme<AuthenticationSchemeOptions, OtherAuthenticationHandler>(OtherAuthenticationHandler.SchemeName, null);
            builder.Services.AddAuthorization();
        }

        if (controllers)
        {
            builder.Services.AddTestControllers();
        }

        WebApplication app;
        try
        {
            app = await builder.StartAsync(a =>
            {
                if (controllers)
                {
                    a.MapControllers();
                }
                else
                {
                    a.MapMinimalScopeRoutes();
                }
            });
        }
        catch (Exception exception)
        {
            return [(null, exception.ToString())];
        }

        await using (app)
        {
            return [await AttemptAsync(app, path), await AttemptAsync(app, path)];
        }
    }

    private static async Task<(HttpStatusCode? Status, string Text)> AttemptAsync(WebApplication app, string path)
    {
        try
        {
            using var client = app.GetTestClient();
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add(OtherAuthenticationHandler.UserHeader, ApiHost.Read);
            using var response = await client.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (Exception exception)
        {
            return (null, exception.ToString());
        }
    }
}
