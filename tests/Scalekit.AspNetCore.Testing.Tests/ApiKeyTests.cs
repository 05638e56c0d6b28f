using Microsoft.Extensions.Time.Testing;
using Scalekit.AspNetCore.Testing.Tests.Framework;

namespace Scalekit.AspNetCore.Testing.Tests;

/// <summary>
/// API keys the authority issues, validated by the real <c>ScalekitManagementClient</c> against the authority in memory:
/// what comes back for a good key, and that each ready-made bad key is refused.
/// </summary>
public sealed class ApiKeyTests : IDisposable
{
    private static readonly Dictionary<string, string> Claims = new() { ["env"] = "production", ["team"] = "payments" };
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2031, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly ScalekitTestAuthority _authority;
    private readonly ManagementOnAuthority _management;

    public ApiKeyTests()
    {
        _authority = new ScalekitTestAuthority(o =>
        {
            o.OrganizationExternalId = "acme-1";
            o.TimeProvider = _time;
        });
        _management = new ManagementOnAuthority(_authority);
    }

    [Fact]
    public async Task An_organizations_key_validates_with_its_organization_external_id_claims_and_roles()
    {
        // Arrange
        var key = _authority.CreateApiKey(customClaims: Claims, roles: ["admin", "billing"], description: "CI pipeline");

        // Act
        var validated = await _management.Management.ValidateApiKeyAsync(key.PlainKey);

        // Assert
        validated.Should().BeEquivalentTo(new
        {
            key.Id,
            _authority.OrganizationId,
            OrganizationExternalId = "acme-1",
            UserId = (string?)null,
            CustomClaims = Claims,
            Roles = new[] { "admin", "billing" },
            Description = "CI pipeline",
            Expiry = (DateTimeOffset?)null,
            CreateTime = _time.GetUtcNow(),
            KeySuffix = key.PlainKey[^4..],
        });
    }

    [Fact]
    public async Task A_users_key_validates_with_its_user_and_its_own_organization()
    {
        // Arrange
        var key = _authority.CreateApiKey(organizationId: "org_12345678901234567", userId: "usr_67890");

        // Act
        var validated = await _management.Management.ValidateApiKeyAsync(key.PlainKey);

        // Assert
        validated.Should().BeEquivalentTo(new { UserId = "usr_67890", OrganizationId = "org_12345678901234567", OrganizationExternalId = (string?)null });
    }

    [Fact]
    public async Task A_key_with_an_expiry_validates_until_the_authoritys_clock_passes_it()
    {
        // Arrange
        var key = _authority.CreateApiKey(expiry: _time.GetUtcNow().AddDays(1));
        (await _management.Management.ValidateApiKeyAsync(key.PlainKey))!.Expiry.Should().Be(_time.GetUtcNow().AddDays(1));

        // Act
        _time.Advance(TimeSpan.FromDays(1));

        // Assert
        (await _management.Management.ValidateApiKeyAsync(key.PlainKey)).Should().BeNull();
    }

    [Fact]
    public async Task An_unknown_key_is_refused()
    {
        // Act
        var validated = await _management.Management.ValidateApiKeyAsync(ScalekitTestAuthority.CreateUnknownApiKey());

        // Assert
        validated.Should().BeNull();
    }

    [Fact]
    public async Task An_invalidated_key_is_refused()
    {
        // Act
        var validated = await _management.Management.ValidateApiKeyAsync(_authority.CreateInvalidatedApiKey().PlainKey);

        // Assert
        validated.Should().BeNull();
    }

    [Fact]
    public async Task A_key_invalidated_by_its_id_after_it_validated_is_refused()
    {
        // Arrange
        var key = _authority.CreateApiKey();
        (await _management.Management.ValidateApiKeyAsync(key.PlainKey)).Should().NotBeNull();

        // Act
        _authority.InvalidateApiKey(key.Id);

        // Assert
        (await _management.Management.ValidateApiKeyAsync(key.PlainKey)).Should().BeNull();
    }

    [Fact]
    public async Task An_expired_key_is_refused()
    {
        // Act
        var validated = await _management.Management.ValidateApiKeyAsync(_authority.CreateExpiredApiKey().PlainKey);

        // Assert
        validated.Should().BeNull();
    }

    [Fact]
    public async Task Every_validation_reaches_the_authority_and_is_counted()
    {
        // Arrange
        var key = _authority.CreateApiKey();

        // Act
        await _management.Management.ValidateApiKeyAsync(key.PlainKey);
        await _management.Management.ValidateApiKeyAsync(ScalekitTestAuthority.CreateUnknownApiKey());

        // Assert
        _authority.ApiKeyValidationCount.Should().Be(2);
    }

    [Fact]
    public async Task A_keys_id_is_refused_by_the_management_client_without_asking_the_authority()
    {
        // Arrange
        var key = _authority.CreateApiKey();

        // Act
        var validated = await _management.Management.ValidateApiKeyAsync(key.Id);

        // Assert
        validated.Should().BeNull();
        _authority.ApiKeyValidationCount.Should().Be(0);
    }

    [Fact]
    public void A_key_created_with_an_expiry_that_has_passed_points_to_the_expired_key_helper()
    {
        // Act
        var create = () => _authority.CreateApiKey(expiry: _time.GetUtcNow());

        // Assert
        create.Should().Throw<ArgumentException>().WithMessage("*CreateExpiredApiKey()*");
    }

    [Fact]
    public void Invalidating_a_key_the_authority_never_issued_throws()
    {
        // Act
        var invalidate = () => _authority.InvalidateApiKey(ScalekitTestAuthority.CreateUnknownApiKey());

        // Assert
        invalidate.Should().Throw<ArgumentException>().WithMessage("This authority never issued that API key*");
    }

    [Fact]
    public void A_key_shows_neither_its_value_in_ToString_nor_a_format_other_than_the_emulators()
    {
        // Act
        var key = _authority.CreateApiKey();

        // Assert
        key.PlainKey.Should().MatchRegex("^skapi_[A-Za-z0-9_-]{43}$");
        key.Id.Should().MatchRegex(@"^apit_\d{17}$");
        key.ToString().Should().NotContain(key.PlainKey).And.Contain(key.Id);
    }

    public void Dispose()
    {
        _management.Dispose();
        _authority.Dispose();
    }
}
