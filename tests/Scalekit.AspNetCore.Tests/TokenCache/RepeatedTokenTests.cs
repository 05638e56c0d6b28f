using System.Net;
using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.TokenCache;

/// <summary>The same token on several requests: validated in full once, then answered from the validated-token cache.</summary>
public sealed class RepeatedTokenTests
{
    [Fact]
    public async Task A_repeated_token_is_validated_once()
    {
        // Arrange
        await using var host = await TokenCacheHost.StartAsync();
        var token = host.Host.ValidToken();

        // Act
        var statuses = await host.SendAsync(token, times: 3);

        // Assert
        statuses.Should().AllBeEquivalentTo(HttpStatusCode.OK);
        host.SignatureChecks.Should().Be(1, "the second and third requests skip parsing and signature work");
    }

    [Theory]
    [InlineData("JWT")]
    [InlineData("at+jwt")]
    [InlineData("application/at+jwt")]
    public async Task A_repeated_token_with_an_access_token_type_is_validated_once(string type)
    {
        // Arrange: the typ check is made before JwtBearer, so it does not turn the cache off
        await using var host = await TokenCacheHost.StartAsync();
        var token = TestTokens.Sign(host.Host.Issuer.PrimaryKey, host.Host.Issuer.PayloadWith(_ => { }), new Dictionary<string, object> { ["typ"] = type });

        // Act
        var statuses = await host.SendAsync(token, times: 3);

        // Assert
        statuses.Should().AllBeEquivalentTo(HttpStatusCode.OK);
        host.SignatureChecks.Should().Be(1);
    }

    [Fact]
    public async Task A_repeated_token_is_counted_as_a_success_from_the_cache()
    {
        // Arrange
        await using var host = await TokenCacheHost.StartAsync();
        var token = host.Host.ValidToken();

        // Act
        await host.SendAsync(token, times: 2);

        // Assert
        host.CacheTags.Should().Equal("miss", "hit");
    }

    [Fact]
    public async Task Two_requests_with_the_same_token_get_distinct_principals_and_identities()
    {
        // Arrange
        await using var host = await TokenCacheHost.StartAsync();
        var token = host.Host.ValidToken();
        await host.SendAsync(token);

        // Act
        await host.SendAsync(token, times: 2);

        // Assert
        var users = host.Principals.ToArray();
        users.Should().HaveCount(3).And.OnlyHaveUniqueItems();
        users.Select(u => u.Identity).Should().OnlyHaveUniqueItems();
        users.SelectMany(u => u.Claims).Should().OnlyHaveUniqueItems("claims are mutable too: every request gets its own");
    }

    [Fact]
    public async Task A_cached_token_gives_the_same_identity_as_a_full_validation()
    {
        // Arrange
        await using var host = await TokenCacheHost.StartAsync();
        var token = host.Host.ValidToken();

        // Act
        await host.SendAsync(token, times: 2);

        // Assert
        var (validated, cached) = (host.Principals.First(), host.Principals.Last());
        Describe(cached).Should().Equal(Describe(validated));
        cached.Identity.Should().BeOfType<CaseSensitiveClaimsIdentity>().Which.IsAuthenticated.Should().BeTrue();
        cached.Identity!.Name.Should().Be(validated.Identity!.Name);
    }

    [Fact]
    public async Task A_change_to_one_requests_identity_does_not_reach_the_next_request()
    {
        // Arrange
        await using var host = await TokenCacheHost.StartAsync();
        var token = host.Host.ValidToken();
        await host.SendAsync(token, times: 2);
        var touched = (ClaimsIdentity)host.Principals.Last().Identity!;
        touched.AddClaim(new Claim("added_by_the_app", "yes"));

        // Act
        await host.SendAsync(token);

        // Assert
        host.Principals.Last().HasClaim(c => c.Type == "added_by_the_app").Should().BeFalse();
    }

    private static List<string> Describe(ClaimsPrincipal user)
    {
        var identity = (ClaimsIdentity)user.Identity!;
        return [
            $"{identity.GetType().Name}|{identity.AuthenticationType}|{identity.NameClaimType}|{identity.RoleClaimType}",
            .. identity.Claims.Select(c => $"{c.Type}|{c.Value}|{c.ValueType}|{c.Issuer}|{c.OriginalIssuer}"),
        ];
    }
}
