using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.Authorization;

/// <summary>
/// An <see cref="IAuthorizationPolicyProvider"/> the application registered before <c>AddScalekitApiAuth</c> keeps
/// serving its own policy names; the scope policy names are ours.
/// </summary>
public sealed class CustomPolicyProviderTests(IssuerFixture fixture) : IClassFixture<IssuerFixture>
{
    [Fact]
    public async Task A_policy_of_the_applications_own_provider_still_applies()
    {
        // Arrange
        await using var app = await StartAsync();
        var otherOrganization = TestTokens.Payload(fixture.Issuer.EnvironmentUrl, ApiHost.Read);
        otherOrganization["oid"] = "org_00000000000000001";

        // Act
        var matching = await SendAsync(app, "/org-only", fixture.Issuer.Token(ApiHost.Read));
        var other = await SendAsync(app, "/org-only", TestTokens.Sign(fixture.Issuer.PrimaryKey, otherOrganization));

        // Assert
        matching.ShouldBeOk("org");
        other.Status.Should().Be(System.Net.HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Scope_policies_work_beside_the_applications_own_provider()
    {
        // Arrange
        await using var app = await StartAsync();

        // Act
        var answer = await SendAsync(app, "/min/read", fixture.Issuer.Token(ApiHost.Deploy));

        // Assert
        answer.Status.Should().Be(System.Net.HttpStatusCode.Forbidden);
        answer.Challenge.Should().Contain("insufficient_scope");
    }

    private Task<WebApplication> StartAsync()
    {
        var builder = TestApp.CreateBuilder();
        builder.Services.AddAuthorization();
        builder.Services.AddSingleton<IAuthorizationPolicyProvider, OrganizationPolicyProvider>();
        builder.Services.AddScalekitApiAuth(o => o.UseIssuer(fixture.Issuer));
        return builder.StartAsync(app =>
        {
            app.MapMinimalScopeRoutes();
            app.MapGet("/org-only", [Authorize(Policy = OrganizationPolicyProvider.Prefix + TestTokens.OrganizationId)] () => "org");
        });
    }

    private static Task<ApiAnswer> SendAsync(WebApplication app, string path, string token) =>
        ApiAnswer.SendAsync(app.GetTestClient(), HttpMethod.Get, path, token);

    /// <summary>An application's provider: <c>Org:&lt;id&gt;</c> requires the token's <c>oid</c> to be that id.</summary>
    private sealed class OrganizationPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
    {
        public const string Prefix = "Org:";

        public override Task<AuthorizationPolicy?> GetPolicyAsync(string policyName) =>
            policyName.StartsWith(Prefix, StringComparison.Ordinal)
                ? Task.FromResult<AuthorizationPolicy?>(new AuthorizationPolicyBuilder(ScalekitApiAuthDefaults.AuthenticationScheme)
                    .RequireClaim(ScalekitClaimTypes.OrganizationId, policyName[Prefix.Length..])
                    .Build())
                : base.GetPolicyAsync(policyName);
    }
}
