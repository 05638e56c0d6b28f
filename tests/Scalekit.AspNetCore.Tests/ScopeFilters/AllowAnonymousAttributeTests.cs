using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.TestHost;
using Scalekit.AspNetCore.Authorization;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.ScopeFilters;

/// <summary>
/// A scope attribute on a minimal-API handler has no endpoint filter behind it, so <c>AllowAnonymous</c> would switch it
/// off: such an app refuses to start, saying to use <c>.RequireScope(…)</c>.
/// </summary>
public sealed class AllowAnonymousAttributeTests(IssuerFixture fixture) : IClassFixture<IssuerFixture>
{
    [Fact]
    public async Task A_scope_attribute_on_a_handler_in_an_anonymous_group_makes_start_up_fail()
    {
        // Arrange
        var builder = TestApp.CreateBuilder();
        builder.Services.AddScalekitApiAuth(o => o.UseIssuer(fixture.Issuer));

        // Act
        var start = () => builder.StartAsync(app =>
            app.MapGroup("/pub").AllowAnonymous().MapGet("/admin", [RequireScope("admin:write")] () => "secret"));

        // Assert
        (await start.Should().ThrowAsync<InvalidOperationException>())
            .WithMessage("*AllowAnonymous*.RequireScope(*");
    }

    [Fact]
    public async Task A_scope_attribute_on_a_handler_without_allow_anonymous_is_enforced()
    {
        // Arrange
        var builder = TestApp.CreateBuilder();
        builder.Services.AddScalekitApiAuth(o => o.UseIssuer(fixture.Issuer));
        await using var app = await builder.StartAsync(a => a.MapGet("/admin", [RequireScope("admin:write")] () => "secret"));

        // Act
        var noToken = await ApiAnswer.SendAsync(app.GetTestClient(), HttpMethod.Get, "/admin", token: null);
        var withoutScope = await ApiAnswer.SendAsync(app.GetTestClient(), HttpMethod.Get, "/admin", fixture.Issuer.Token(ApiHost.Read));

        // Assert
        noToken.Status.Should().Be(HttpStatusCode.Unauthorized);
        withoutScope.Status.Should().Be(HttpStatusCode.Forbidden);
    }
}
