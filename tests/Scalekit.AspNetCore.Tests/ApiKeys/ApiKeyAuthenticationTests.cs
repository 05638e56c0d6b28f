using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.ApiKeys;

/// <summary>An API key on the real pipeline, validated by asking the emulator: who called, and what is refused without a call.</summary>
public sealed class ApiKeyAuthenticationTests : IAsyncLifetime
{
    private ApiKeyHost _host = null!;

    public static TheoryData<string> MeEndpoints => new() { "/min/me", "/mvc/me" };

    public async Task InitializeAsync() => _host = await ApiKeyHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [MemberData(nameof(MeEndpoints))]
    public async Task An_organizations_key_is_accepted_and_names_its_organization_and_custom_claims(string path)
    {
        // Arrange
        var created = await _host.CreateKeyAsync(customClaims: new Dictionary<string, string> { ["plan"] = "enterprise", ["region"] = "eu" });

        // Act
        using var response = await _host.GetAsync(path, created.PlainKey);

        // Assert
        var caller = await response.ReadOkJsonAsync<KeyCallerSnapshot>();
        caller.Kind.Should().Be(ScalekitCallerKind.ApiKey);
        caller.ApiKeyId.Should().Be(created.ApiKey.Id).And.StartWith("apit_");
        caller.ClientId.Should().Be(created.ApiKey.Id);
        caller.OrganizationId.Should().Be(_host.Organization.Id);
        caller.OrganizationExternalId.Should().Be(_host.Organization.ExternalId);
        caller.UserId.Should().BeNull();
        caller.Scopes.Should().BeEmpty();
        caller.CustomClaims.Should().BeEquivalentTo(new Dictionary<string, string> { ["plan"] = "enterprise", ["region"] = "eu" });
    }

    [Theory]
    [MemberData(nameof(MeEndpoints))]
    public async Task A_users_key_names_its_user(string path)
    {
        // Arrange
        var created = await _host.CreateKeyAsync(userId: "usr_1234567890");

        // Act
        using var response = await _host.GetAsync(path, created.PlainKey);

        // Assert
        var caller = await response.ReadOkJsonAsync<KeyCallerSnapshot>();
        caller.UserId.Should().Be("usr_1234567890");
        caller.OrganizationId.Should().Be(_host.Organization.Id);
    }

    [Fact]
    public async Task A_key_with_an_expiry_exposes_it()
    {
        // Arrange
        var expiry = DateTimeOffset.UtcNow.AddDays(30);
        var created = await _host.CreateKeyAsync(expiry: expiry);

        // Act
        using var response = await _host.GetAsync("/min/me", created.PlainKey);

        // Assert
        var caller = await response.ReadOkJsonAsync<KeyCallerSnapshot>();
        caller.ExpiresAt.Should().BeCloseTo(expiry, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_key_Scalekit_does_not_know_is_refused_with_401()
    {
        // Arrange
        var madeUp = "skapi_" + new string('x', 43);

        // Act
        using var response = await _host.GetAsync("/authenticated", madeUp);

        // Assert
        response.ShouldRefuseAsInvalidToken(ScalekitErrorDescriptions.ApiKeyRefused);
        _host.Validations.Should().Be(1);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("skapi_has*characters!keys@do-not-have")]
    [InlineData("skapi_padding=in-the-middle-of-the-value")]
    [InlineData("apit_1234567890123456789012")]
    [InlineData("APIT_1234567890123456789012")]
    public async Task A_value_that_cannot_be_a_key_is_refused_without_asking_Scalekit(string value)
    {
        // Act
        using var response = await _host.GetAsync("/authenticated", value);

        // Assert
        response.ShouldRefuseAsInvalidToken(ScalekitErrorDescriptions.ApiKeyMalformed);
        _host.Validations.Should().Be(0);
    }

    [Fact]
    public async Task A_key_longer_than_the_limit_is_refused_without_asking_Scalekit()
    {
        // Act
        using var response = await _host.GetAsync("/authenticated", "skapi_" + new string('k', ApiKeyShape.MaxLength));

        // Assert
        response.ShouldRefuseAsInvalidToken(ScalekitErrorDescriptions.ApiKeyMalformed);
        _host.Validations.Should().Be(0);
    }

    [Fact]
    public async Task A_value_with_dots_is_still_read_as_an_access_token()
    {
        // Act
        using var response = await _host.GetAsync("/authenticated", "not.a.jwt");

        // Assert
        response.ShouldRefuseAsInvalidToken(ScalekitErrorDescriptions.Malformed);
        _host.Validations.Should().Be(0);
    }

    [Fact]
    public async Task A_refusal_is_logged_with_its_reason_and_never_the_key()
    {
        // Arrange
        var madeUp = "skapi_" + new string('y', 43);

        // Act
        using var response = await _host.GetAsync("/authenticated", madeUp);

        // Assert
        var rejected = _host.LogsOf(41).Should().ContainSingle().Subject;
        rejected.Message.Should().Contain("api_key_refused");
        _host.Logs.GetSnapshot().Should().NotContain(r => r.Message.Contains(madeUp, StringComparison.Ordinal));
    }
}
