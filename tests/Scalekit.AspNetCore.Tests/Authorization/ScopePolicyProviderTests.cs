using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.Extensions.Options;
using Scalekit.AspNetCore.Authorization;

namespace Scalekit.AspNetCore.Tests.Authorization;

public sealed class ScopePolicyProviderTests
{
    private const string AppPolicy = "AcmeOnly";

    private readonly AuthorizationOptions _options = new();
    private readonly ScopePolicyProvider _provider;

    public ScopePolicyProviderTests()
    {
        _options.AddPolicy(AppPolicy, p => p.RequireClaim("oid", "org_59615193906282635"));
        _provider = new ScopePolicyProvider(new DefaultAuthorizationPolicyProvider(Options.Create(_options)), Options.Create(Schemes("Scalekit", "Partner")));
    }

    [Fact]
    public async Task The_same_scope_policy_name_gives_the_same_policy_instance()
    {
        // Arrange
        var name = new RequireScopeAttribute("read:deployments").Policy!;

        // Act
        var first = await _provider.GetPolicyAsync(name);
        var second = await _provider.GetPolicyAsync(name);

        // Assert
        second.Should().NotBeNull().And.BeSameAs(first);
    }

    [Fact]
    public async Task A_scope_policy_requires_an_authenticated_user_of_every_scalekit_scheme_and_the_scopes()
    {
        // Arrange
        var name = new RequireScopeAttribute("read:deployments", "deploy:applications").Policy!;

        // Act
        var policy = await _provider.GetPolicyAsync(name);

        // Assert
        policy!.AuthenticationSchemes.Should().Equal("Scalekit", "Partner");
        policy.Requirements.Should().HaveCount(2);
        policy.Requirements.OfType<DenyAnonymousAuthorizationRequirement>().Should().ContainSingle();
        policy.Requirements.OfType<ScalekitScopeRequirement>().Should().ContainSingle().Which.Should().BeEquivalentTo(
            new { Match = ScopeMatch.All, Scopes = new[] { "read:deployments", "deploy:applications" } });
    }

    [Fact]
    public async Task An_any_of_policy_name_gives_an_any_of_requirement()
    {
        // Arrange
        var name = new RequireAnyScopeAttribute("read:deployments", "admin:deployments").Policy!;

        // Act
        var policy = await _provider.GetPolicyAsync(name);

        // Assert
        policy!.Requirements.OfType<ScalekitScopeRequirement>().Should().ContainSingle().Which.Should().BeEquivalentTo(
            new { Match = ScopeMatch.Any, Scopes = new[] { "read:deployments", "admin:deployments" } });
    }

    [Fact]
    public async Task Another_policy_name_falls_back_to_the_applications_named_policies()
    {
        // Act
        var policy = await _provider.GetPolicyAsync(AppPolicy);

        // Assert
        policy.Should().BeSameAs(_options.GetPolicy(AppPolicy));
    }

    [Fact]
    public async Task An_unknown_policy_name_gives_no_policy()
    {
        // Act
        var policy = await _provider.GetPolicyAsync("NoSuchPolicy");

        // Assert
        policy.Should().BeNull();
    }

    [Fact]
    public async Task The_default_and_fallback_policies_are_the_applications()
    {
        // Arrange
        _options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();

        // Act
        var defaultPolicy = await _provider.GetDefaultPolicyAsync();
        var fallbackPolicy = await _provider.GetFallbackPolicyAsync();

        // Assert
        defaultPolicy.Should().BeSameAs(_options.DefaultPolicy);
        fallbackPolicy.Should().BeSameAs(_options.FallbackPolicy);
    }

    [Theory]
    [InlineData("Scalekit.Scope:")]
    [InlineData("Scalekit.Scope:all:")]
    [InlineData("Scalekit.Scope:any:   ")]
    [InlineData("Scalekit.Scope:some:read:deployments")]
    public async Task A_malformed_scope_policy_name_gives_no_policy(string name)
    {
        // Act
        var policy = await _provider.GetPolicyAsync(name);

        // Assert
        policy.Should().BeNull();
    }

    private static ScalekitSchemeOptions Schemes(params string[] names)
    {
        var options = new ScalekitSchemeOptions();
        foreach (var name in names)
        {
            options.Add(name);
        }

        return options;
    }
}
