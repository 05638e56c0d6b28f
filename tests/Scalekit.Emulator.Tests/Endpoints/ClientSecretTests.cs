using System.Net;
using System.Text.Json;
using Scalekit.Emulator.Tests.Framework;

namespace Scalekit.Emulator.Tests.Endpoints;

/// <summary>A client secret is shown once, authenticates until revoked, and rotates by add-new, move callers, delete-old.</summary>
public sealed class ClientSecretTests : EmulatorTest
{
    private string Secrets => Client.Path + "/secrets";

    private string FirstSecretId => Client.Client.GetProperty("secrets")[0].GetProperty("id").GetString()!;

    [Theory]
    [InlineData("/api/v1/organizations/{org}/clients/{client}")]
    [InlineData("/api/v1/organizations/{org}/clients")]
    public async Task Reading_clients_back_never_shows_the_plain_secret(string template)
    {
        // Act
        using var response = await Emulator.ManageAsync(HttpMethod.Get, ManagementRoutes.Fill(template, Client));

        // Assert
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        text.Should().NotContain(Client.PlainSecret).And.NotContain("plain_secret");
        text.Should().Contain($"\"secret_suffix\":\"{Client.PlainSecret[^4..]}\"");
    }

    [Fact]
    public async Task Adding_a_secret_answers_201_with_its_plain_secret_once()
    {
        // Act
        using var response = await Emulator.ManageAsync(HttpMethod.Post, Secrets);

        // Assert
        var json = await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        json.PropertyNames().Should().BeEquivalentTo("plain_secret", "secret");
        var plain = json.GetProperty("plain_secret").GetString()!;
        plain.Should().StartWith("test_").And.NotBe(Client.PlainSecret);
        var secret = json.GetProperty("secret");
        secret.GetProperty("id").GetString().Should().MatchRegex(@"^sks_\d{17}$").And.NotBe(FirstSecretId);
        secret.GetProperty("secret_suffix").GetString().Should().Be(plain[^4..]);
        secret.GetProperty("status").GetString().Should().Be("ACTIVE");
        var stored = await ReadClientTextAsync();
        stored.Should().NotContain(plain).And.Contain(plain[^4..]);
    }

    [Fact]
    public async Task After_adding_a_second_secret_both_get_tokens()
    {
        // Arrange
        var second = await AddSecretAsync();

        // Act
        using var first = await Emulator.PostTokenAsync(Client.ClientId, Client.PlainSecret);
        using var next = await Emulator.PostTokenAsync(Client.ClientId, second.Plain);

        // Assert
        await first.ShouldHaveStatusAsync(HttpStatusCode.OK);
        await next.ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_revoked_secret_no_longer_gets_a_token()
    {
        // Arrange
        await AddSecretAsync();

        // Act
        await Emulator.ManageAsync(HttpMethod.Delete, $"{Secrets}/{FirstSecretId}", null, HttpStatusCode.OK);

        // Assert
        using var response = await Emulator.PostTokenAsync(Client.ClientId, Client.PlainSecret);
        await response.ShouldBeOAuthErrorAsync(HttpStatusCode.Unauthorized, "invalid_client");
    }

    [Fact]
    public async Task Revoking_the_last_secret_is_refused_with_a_reason_and_the_secret_keeps_working()
    {
        // Act
        using var response = await Emulator.ManageAsync(HttpMethod.Delete, $"{Secrets}/{FirstSecretId}");

        // Assert
        var problem = await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString().Should().Contain("only secret").And.Contain("Create a new secret first");
        using var token = await Emulator.PostTokenAsync(Client.ClientId, Client.PlainSecret);
        token.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_revoked_secret_is_no_longer_listed()
    {
        // Arrange
        var second = await AddSecretAsync();

        // Act
        await Emulator.ManageAsync(HttpMethod.Delete, $"{Secrets}/{FirstSecretId}", null, HttpStatusCode.OK);

        // Assert
        var json = await Emulator.ManageAsync(HttpMethod.Get, Client.Path, null, HttpStatusCode.OK);
        json.GetProperty("client").GetProperty("secrets").EnumerateArray().Select(s => s.GetProperty("id").GetString()).Should().Equal(second.Id);
    }

    [Fact]
    public async Task Rotating_by_adding_a_new_secret_and_revoking_the_old_keeps_the_client_working_on_the_new_one()
    {
        // Arrange
        var second = await AddSecretAsync();
        await Emulator.GetAccessTokenAsync(Client.ClientId, second.Plain); // the callers moved to the new secret

        // Act
        await Emulator.ManageAsync(HttpMethod.Delete, $"{Secrets}/{FirstSecretId}", null, HttpStatusCode.OK);

        // Assert
        using var old = await Emulator.PostTokenAsync(Client.ClientId, Client.PlainSecret);
        await old.ShouldBeOAuthErrorAsync(HttpStatusCode.Unauthorized, "invalid_client");
        using var current = await Emulator.PostTokenAsync(Client.ClientId, second.Plain);
        await current.ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_secret_of_one_client_does_not_authenticate_another()
    {
        // Arrange
        var other = await Emulator.RegisterClientAsync(Client.OrganizationId);

        // Act
        using var response = await Emulator.PostTokenAsync(other.ClientId, Client.PlainSecret);

        // Assert
        await response.ShouldBeOAuthErrorAsync(HttpStatusCode.Unauthorized, "invalid_client");
    }

    [Fact]
    public async Task Using_a_secret_records_when_it_was_last_used()
    {
        // Arrange
        Time.Advance(TimeSpan.FromMinutes(5));

        // Act
        await Emulator.GetAccessTokenAsync(Client);

        // Assert
        var json = await Emulator.ManageAsync(HttpMethod.Get, Client.Path, null, HttpStatusCode.OK);
        var secret = json.GetProperty("client").GetProperty("secrets")[0];
        secret.GetProperty("last_used_time").GetDateTimeOffset().Should().Be(Clock.Start + TimeSpan.FromMinutes(5));
    }

    private async Task<(string Id, string Plain)> AddSecretAsync()
    {
        var json = await Emulator.ManageAsync(HttpMethod.Post, Secrets, null, HttpStatusCode.Created);
        return (json.GetProperty("secret").GetProperty("id").GetString()!, json.GetProperty("plain_secret").GetString()!);
    }

    private async Task<string> ReadClientTextAsync()
    {
        using var response = await Emulator.ManageAsync(HttpMethod.Get, Client.Path);
        return JsonSerializer.Serialize(await response.ShouldHaveStatusAsync(HttpStatusCode.OK));
    }
}
