using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.ApiKeys;

/// <summary>Keys carry no scopes: a scope requirement never passes for one, with a 403 that says why.</summary>
public sealed class ApiKeyScopeTests : IAsyncLifetime
{
    private ApiKeyHost _host = null!;

    public static TheoryData<string> ScopedEndpoints => new() { "/min/read", "/mvc/read", "/min/any", "/mvc/any", "/group/read", "/mvc/class-scoped/read" };

    public async Task InitializeAsync() => _host = await ApiKeyHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [MemberData(nameof(ScopedEndpoints))]
    public async Task A_scope_protected_endpoint_refuses_a_key_with_a_403_that_says_keys_carry_no_scopes(string path)
    {
        // Arrange
        var created = await _host.CreateKeyAsync();

        // Act
        using var response = await _host.GetAsync(path, created.PlainKey);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        response.Challenges().Should().ContainSingle().Which.Should()
            .StartWith($"Bearer error=\"insufficient_scope\", error_description=\"{ScalekitErrorDescriptions.ApiKeyWithoutScopes}\"");
        (await response.ReadProblemAsync()).Detail.Should().StartWith("API keys carry no scopes");
    }

    [Fact]
    public async Task An_endpoint_that_only_requires_authentication_accepts_a_key()
    {
        // Arrange
        var created = await _host.CreateKeyAsync();

        // Act
        using var response = await _host.GetAsync("/authenticated", created.PlainKey);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_scope_claim_added_to_a_keys_identity_grants_nothing()
    {
        // Arrange: a claims transformation of the application's (which also turns fast authorization off)
        await using var host = await ApiKeyHost.StartAsync(services: s => s.AddSingleton<IClaimsTransformation, AddsScopes>());
        var created = await host.CreateKeyAsync();

        // Act
        using var response = await host.GetAsync("/min/read", created.PlainKey);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    /// <summary>Adds <c>scopes: read:deployments</c> to every identity.</summary>
    private sealed class AddsScopes : IClaimsTransformation
    {
        public Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
        {
            foreach (var identity in principal.Identities)
            {
                identity.AddClaim(new Claim(ScalekitClaimTypes.Scopes, ApiHost.Read));
            }

            return Task.FromResult(principal);
        }
    }
}
