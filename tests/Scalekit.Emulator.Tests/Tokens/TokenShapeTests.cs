using System.Text.Json;
using Scalekit.Emulator.Tests.Framework;

namespace Scalekit.Emulator.Tests.Tokens;

/// <summary>An API client's access token is shaped like Scalekit's (Scalekit's "Add auth to your APIs" guide).</summary>
public sealed class TokenShapeTests : EmulatorTest
{
    private const long Expiry = 7200;
    private string _token = null!;

    protected override async Task ArrangeAsync()
    {
        Client = await Emulator.RegisterClientAsync(body => body["expiry"] = Expiry);
        _token = await Emulator.GetAccessTokenAsync(Client);
    }

    [Fact]
    public async Task The_header_names_rs256_a_published_snk_key_and_the_jwt_type()
    {
        // Act
        var header = Jwt.Header(_token);

        // Assert
        header.GetProperty("alg").GetString().Should().Be("RS256");
        header.GetProperty("typ").GetString().Should().Be("JWT");
        header.GetProperty("kid").GetString().Should().MatchRegex(@"^snk_\d{17}$")
            .And.BeOneOf(await Emulator.GetPublishedKidsAsync());
    }

    [Fact]
    public void The_payload_has_exactly_the_documented_claims()
    {
        // Act
        var payload = Jwt.Payload(_token);

        // Assert
        payload.PropertyNames().Should().Equal(
            "iss", "aud", "sub", "client_id", "oid", "scopes", "scope", "custom_claims", "jti", "iat", "nbf", "exp");
    }

    [Fact]
    public void The_issuer_is_the_environment_url()
    {
        // Act
        var payload = Jwt.Payload(_token);

        // Assert
        payload.GetProperty("iss").GetString().Should().Be(Emulator.EnvironmentUrl);
    }

    [Fact]
    public void The_audience_is_the_clients_audience_as_an_array()
    {
        // Act
        var audience = Jwt.Payload(_token).GetProperty("aud");

        // Assert
        audience.ValueKind.Should().Be(JsonValueKind.Array);
        audience.Strings().Should().Equal(SampleClient.Audience);
    }

    [Fact]
    public void The_subject_and_client_id_are_the_m2morg_client_and_oid_its_organization()
    {
        // Act
        var payload = Jwt.Payload(_token);

        // Assert
        payload.GetProperty("sub").GetString().Should().Be(Client.ClientId).And.MatchRegex(@"^m2morg_\d{17}$");
        payload.GetProperty("client_id").GetString().Should().Be(Client.ClientId);
        payload.GetProperty("oid").GetString().Should().Be(Client.OrganizationId).And.MatchRegex(@"^org_\d{17}$");
    }

    [Fact]
    public void The_scopes_come_as_an_array_and_as_a_space_delimited_string()
    {
        // Act
        var payload = Jwt.Payload(_token);

        // Assert
        payload.GetProperty("scopes").Strings().Should().Equal(SampleClient.Deploy, SampleClient.Read);
        payload.GetProperty("scope").GetString().Should().Be($"{SampleClient.Deploy} {SampleClient.Read}");
    }

    [Fact]
    public void The_custom_claims_are_nested_in_one_object()
    {
        // Act
        var claims = Jwt.Payload(_token).GetProperty("custom_claims");

        // Assert
        claims.ValueKind.Should().Be(JsonValueKind.Object);
        claims.GetProperty("github_repository").GetString().Should().Be("acmecorp/inventory-service");
        claims.GetProperty("environment").GetString().Should().Be("production_us");
    }

    [Fact]
    public void The_token_id_is_a_tkn_id()
    {
        // Act
        var payload = Jwt.Payload(_token);

        // Assert
        payload.GetProperty("jti").GetString().Should().MatchRegex(@"^tkn_\d{17}$");
    }

    [Fact]
    public void The_token_is_issued_now_and_expires_after_the_clients_expiry()
    {
        // Act
        var payload = Jwt.Payload(_token);

        // Assert
        var now = Clock.Start.ToUnixTimeSeconds();
        payload.GetProperty("iat").GetInt64().Should().Be(now);
        payload.GetProperty("nbf").GetInt64().Should().Be(now);
        payload.GetProperty("exp").GetInt64().Should().Be(now + Expiry);
    }

    [Fact]
    public async Task Every_token_gets_its_own_id()
    {
        // Act
        var second = await Emulator.GetAccessTokenAsync(Client);

        // Assert
        Jwt.Payload(second).GetProperty("jti").GetString().Should().NotBe(Jwt.Payload(_token).GetProperty("jti").GetString());
    }

    [Fact]
    public async Task A_client_registered_without_audience_gets_tokens_without_aud()
    {
        // Arrange
        var client = await Emulator.RegisterClientAsync(Client.OrganizationId, body => body.Remove("audience"));

        // Act
        var token = await Emulator.GetAccessTokenAsync(client);

        // Assert
        Jwt.Payload(token).TryGetProperty("aud", out _).Should().BeFalse();
    }

    [Fact]
    public async Task The_token_validates_against_the_published_keys()
    {
        // Act
        var result = await Jwt.ValidateAsync(_token, await Emulator.GetKeysJsonAsync(), Emulator.EnvironmentUrl, SampleClient.Audience, Time);

        // Assert
        result.IsValid.Should().BeTrue(result.Exception?.Message);
    }

    [Fact]
    public async Task The_token_no_longer_validates_once_the_clients_expiry_has_passed()
    {
        // Arrange
        Time.Advance(TimeSpan.FromSeconds(Expiry));

        // Act
        var result = await Jwt.ValidateAsync(_token, await Emulator.GetKeysJsonAsync(), Emulator.EnvironmentUrl, SampleClient.Audience, Time);

        // Assert
        result.IsValid.Should().BeFalse();
    }
}
