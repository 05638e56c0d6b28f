namespace Scalekit.AspNetCore.Tests.ApiKeys;

/// <summary>What an accepted key's identity carries, and how <see cref="ScalekitClient"/> reads it (roles: the emulator's keys have none).</summary>
public sealed class ApiKeyIdentityTests
{
    private static readonly ApiKeyDetails UsersKey = new(
        "apit_1", "org_1", "acme", "usr_1", "user-ext-1", "ada@acme.example", ["admin", "viewer"],
        new Dictionary<string, string> { ["plan"] = "enterprise" }, DateTimeOffset.FromUnixTimeSeconds(4_102_444_800));

    [Fact]
    public void A_users_key_reads_as_an_api_key_caller_with_its_roles_and_user()
    {
        // Arrange
        var ticket = ApiKeyIdentity.CreateTicket(ApiKeyIdentity.ClaimsOf(UsersKey), ScalekitApiAuthDefaults.AuthenticationScheme);

        // Act
        var caller = ScalekitClient.FromPrincipal(ticket.Principal, [ScalekitApiAuthDefaults.AuthenticationScheme])!;

        // Assert
        caller.Kind.Should().Be(ScalekitCallerKind.ApiKey);
        caller.Roles.Should().Equal("admin", "viewer");
        caller.UserExternalId.Should().Be("user-ext-1");
        caller.Email.Should().Be("ada@acme.example");
        caller.ExpiresAt.Should().Be(UsersKey.Expiry);
        ticket.Principal.IsInRole("admin").Should().BeTrue();
        ticket.Principal.Identity!.Name.Should().Be("apit_1");
    }

    [Fact]
    public void A_clone_of_the_identity_is_still_an_api_key_identity()
    {
        // Arrange
        var ticket = ApiKeyIdentity.CreateTicket(ApiKeyIdentity.ClaimsOf(UsersKey), ScalekitApiAuthDefaults.AuthenticationScheme);

        // Act
        var clone = ticket.Principal.Identities.Single().Clone();

        // Assert
        clone.Should().BeOfType<ApiKeyIdentity>();
        ScalekitClient.FromPrincipal(new System.Security.Claims.ClaimsPrincipal(clone))!.Kind.Should().Be(ScalekitCallerKind.ApiKey);
    }

    [Fact]
    public void An_access_tokens_identity_with_an_api_key_id_claim_is_not_an_api_key()
    {
        // Arrange
        var identity = new System.Security.Claims.ClaimsIdentity(
            [new(ScalekitClaimTypes.ClientId, "m2morg_1"), new(ScalekitClaimTypes.ApiKeyId, "apit_1")], ScalekitApiAuthDefaults.AuthenticationScheme);

        // Act
        var caller = ScalekitClient.FromPrincipal(new System.Security.Claims.ClaimsPrincipal(identity))!;

        // Assert
        caller.Kind.Should().Be(ScalekitCallerKind.ApiClient);
        caller.ApiKeyId.Should().BeNull();
    }
}
