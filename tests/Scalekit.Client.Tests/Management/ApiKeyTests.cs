using System.Net;
using Microsoft.Extensions.Time.Testing;
using Scalekit.Client.Management;
using Scalekit.Client.Tests.Framework;

namespace Scalekit.Client.Tests.Management;

/// <summary>API keys (Scalekit's opaque API tokens): created for an organization or a user, validated, updated, invalidated.</summary>
public sealed class ApiKeyTests(ClientEnvironment environment) : IClassFixture<ClientEnvironment>
{
    private static readonly Dictionary<string, string> Claims = new() { ["env"] = "production", ["team"] = "payments" };

    private ScalekitManagementClient Management => environment.Management;

    [Fact]
    public async Task An_organizations_key_is_created_with_its_details_and_the_key_in_clear_once()
    {
        // Arrange
        var expiry = DateTimeOffset.UtcNow.AddDays(30);
        var organization = await Management.GetOrganizationAsync(environment.OrganizationId);

        // Act
        var created = await Management.CreateApiKeyAsync(environment.OrganizationId, new ScalekitApiKeyRequest
        {
            CustomClaims = Claims,
            Expiry = expiry,
            Description = "CI pipeline",
        });

        // Assert
        created.PlainKey.Should().NotBeNullOrEmpty().And.EndWith(created.ApiKey.KeySuffix);
        created.ApiKey.Id.Should().StartWith("apit_");
        created.ApiKey.Should().BeEquivalentTo(new
        {
            environment.OrganizationId,
            OrganizationExternalId = organization.ExternalId,
            UserId = (string?)null,
            CustomClaims = Claims,
            Description = "CI pipeline",
            Roles = Array.Empty<string>(),
        });
        created.ApiKey.Expiry.Should().BeCloseTo(expiry, TimeSpan.FromSeconds(1));
        created.ApiKey.CreateTime.Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task A_key_without_a_request_has_no_claims_description_or_expiry()
    {
        // Act
        var created = await Management.CreateApiKeyAsync(environment.OrganizationId);

        // Assert
        created.ApiKey.Should().BeEquivalentTo(new { CustomClaims = new Dictionary<string, string>(), Description = (string?)null, Expiry = (DateTimeOffset?)null });
    }

    [Fact]
    public async Task A_key_of_an_organization_without_an_external_id_reports_none()
    {
        // Arrange
        var organization = await Management.CreateOrganizationAsync("No external id");

        // Act
        var created = await Management.CreateApiKeyAsync(organization.Id);

        // Assert: the API sends an empty string, the key says null
        created.ApiKey.OrganizationExternalId.Should().BeNull();
    }

    [Fact]
    public async Task A_users_key_names_the_user_when_validated()
    {
        // Arrange
        var created = await Management.CreateApiKeyAsync(environment.OrganizationId, new ScalekitApiKeyRequest { UserId = "usr_67890" });

        // Act
        var validated = await Management.ValidateApiKeyAsync(created.PlainKey);

        // Assert
        validated!.UserId.Should().Be("usr_67890");
        validated.OrganizationId.Should().Be(environment.OrganizationId);
    }

    [Fact]
    public async Task A_current_key_validates_to_its_details_and_custom_claims()
    {
        // Arrange
        var created = await Management.CreateApiKeyAsync(environment.OrganizationId, new ScalekitApiKeyRequest { CustomClaims = Claims });

        // Act
        var validated = await Management.ValidateApiKeyAsync(created.PlainKey);

        // Assert
        validated.Should().BeEquivalentTo(created.ApiKey);
    }

    [Fact]
    public async Task An_unknown_key_validates_to_null()
    {
        // Act
        var validated = await Management.ValidateApiKeyAsync("skapi_" + new string('x', 43));

        // Assert
        validated.Should().BeNull();
    }

    [Fact]
    public async Task A_keys_id_does_not_validate_in_place_of_the_key()
    {
        // Arrange
        var created = await Management.CreateApiKeyAsync(environment.OrganizationId);

        // Act
        var validated = await Management.ValidateApiKeyAsync(created.ApiKey.Id);

        // Assert
        validated.Should().BeNull("Scalekit's validation accepts an id, which is not secret: the client refuses it without asking");
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("\t")]
    public async Task A_keys_id_in_other_case_or_after_white_space_does_not_validate_either(string prefix)
    {
        // Arrange
        var created = await Management.CreateApiKeyAsync(environment.OrganizationId);

        // Act
        var validated = await Management.ValidateApiKeyAsync(prefix + created.ApiKey.Id.ToUpperInvariant());

        // Assert
        validated.Should().BeNull();
    }

    [Fact]
    public async Task An_expired_key_validates_to_null()
    {
        // Arrange: an emulator on a clock that the test moves past the key's expiry
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await ManagementHost.StartAsync(time);
        var organization = await host.Management.CreateOrganizationAsync("Expiring");
        var created = await host.Management.CreateApiKeyAsync(organization.Id, new ScalekitApiKeyRequest { Expiry = time.GetUtcNow().AddMinutes(5) });
        (await host.Management.ValidateApiKeyAsync(created.PlainKey)).Should().NotBeNull();

        // Act
        time.Advance(TimeSpan.FromMinutes(6));
        var validated = await host.Management.ValidateApiKeyAsync(created.PlainKey);

        // Assert
        validated.Should().BeNull();
        var refused = host.Logs.GetSnapshot().Should().ContainSingle(r => r.Id.Name == "ApiKeyRefused").Subject;
        refused.Message.Should().Contain("404").And.NotContain("expired at", "Scalekit's text is not logged: it might echo the key");
    }

    [Fact]
    public async Task A_validation_that_cannot_reach_Scalekit_throws_instead_of_answering_null()
    {
        // Arrange: the environment is gone
        await using var host = await ManagementHost.StartAsync();
        await host.Emulator.DisposeAsync();

        // Act
        var act = () => host.Management.ValidateApiKeyAsync("skapi_" + new string('x', 43));

        // Assert
        await act.Should().ThrowAsync<HttpRequestException>();
    }

    [Fact]
    public async Task An_expiry_in_the_past_is_refused_with_the_APIs_reason()
    {
        // Act
        var act = () => Management.CreateApiKeyAsync(environment.OrganizationId, new ScalekitApiKeyRequest { Expiry = DateTimeOffset.UtcNow.AddHours(-1) });

        // Assert
        var error = (await act.Should().ThrowAsync<ScalekitManagementException>()).Which;
        error.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        error.Detail.Should().Be("expiry is in the past; give a future time, or none for a key that does not expire.");
    }

    [Fact]
    public async Task A_key_for_an_unknown_organization_is_a_404()
    {
        // Act
        var act = () => Management.CreateApiKeyAsync("org_1234567890");

        // Assert
        (await act.Should().ThrowAsync<ScalekitManagementException>()).Which.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Seven_keys_in_pages_of_three_are_listed_with_three_requests()
    {
        // Arrange
        await using var host = await ManagementHost.StartAsync();
        var organization = await host.Management.CreateOrganizationAsync("Many keys");
        var created = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            created.Add((await host.Management.CreateApiKeyAsync(organization.Id)).ApiKey.Id);
        }

        var before = host.Requests.Count;

        // Act
        var listed = await host.Management.ListApiKeysAsync(organization.Id, pageSize: 3).Select(k => k.Id).ToListAsync();

        // Assert
        listed.Should().Equal(created);
        host.RequestsSince(before, "/api/v1/tokens").Should().HaveCount(3);
    }

    [Fact]
    public async Task The_keys_of_one_user_are_listed_without_the_others()
    {
        // Arrange
        var organization = await Management.CreateOrganizationAsync("Users' keys");
        var mine = await Management.CreateApiKeyAsync(organization.Id, new ScalekitApiKeyRequest { UserId = "usr_1" });
        await Management.CreateApiKeyAsync(organization.Id, new ScalekitApiKeyRequest { UserId = "usr_2" });
        await Management.CreateApiKeyAsync(organization.Id);

        // Act
        var listed = await Management.ListApiKeysAsync(organization.Id, userId: "usr_1").ToListAsync();

        // Assert
        listed.Should().ContainSingle().Which.Id.Should().Be(mine.ApiKey.Id);
    }

    [Fact]
    public async Task A_page_of_keys_carries_the_total_count_and_the_next_token()
    {
        // Arrange
        var organization = await Management.CreateOrganizationAsync("Paged keys");
        for (var i = 0; i < 3; i++)
        {
            await Management.CreateApiKeyAsync(organization.Id, new ScalekitApiKeyRequest { Description = $"Key {i}" });
        }

        // Act
        var first = await Management.ListApiKeysPageAsync(organization.Id, pageSize: 2);
        var second = await Management.ListApiKeysPageAsync(organization.Id, pageSize: 2, pageToken: first.NextPageToken);

        // Assert
        first.Items.Select(k => k.Description).Should().Equal("Key 0", "Key 1");
        first.TotalSize.Should().Be(3);
        second.Items.Select(k => k.Description).Should().Equal("Key 2");
        second.NextPageToken.Should().BeNull();
    }

    [Fact]
    public void A_key_page_size_over_thirty_is_refused_by_the_call_before_any_request()
    {
        // Act
        var act = () => Management.ListApiKeysAsync(environment.OrganizationId, pageSize: 31);

        // Assert
        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("pageSize");
    }

    [Fact]
    public async Task An_update_merges_custom_claims_and_an_empty_value_removes_one()
    {
        // Arrange
        var created = await Management.CreateApiKeyAsync(environment.OrganizationId, new ScalekitApiKeyRequest { CustomClaims = Claims, Description = "Before" });

        // Act
        var updated = await Management.UpdateApiKeyAsync(created.ApiKey.Id, new Dictionary<string, string> { ["team"] = "", ["region"] = "eu" });

        // Assert
        updated.CustomClaims.Should().Equal(new Dictionary<string, string> { ["env"] = "production", ["region"] = "eu" });
        updated.Description.Should().Be("Before");
    }

    [Fact]
    public async Task An_update_by_the_key_itself_sets_the_description_and_an_empty_one_removes_it()
    {
        // Arrange
        var created = await Management.CreateApiKeyAsync(environment.OrganizationId, new ScalekitApiKeyRequest { CustomClaims = Claims, Description = "Before" });

        // Act
        var renamed = await Management.UpdateApiKeyAsync(created.PlainKey, description: "After");
        var cleared = await Management.UpdateApiKeyAsync(created.PlainKey, description: "");

        // Assert
        renamed.Description.Should().Be("After");
        renamed.CustomClaims.Should().Equal(Claims);
        cleared.Description.Should().BeNull();
    }

    [Fact]
    public async Task An_update_of_an_unknown_key_is_a_404()
    {
        // Act
        var act = () => Management.UpdateApiKeyAsync("apit_1234567890", description: "Nobody");

        // Assert
        (await act.Should().ThrowAsync<ScalekitManagementException>()).Which.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_key_invalidated_by_its_id_no_longer_validates_and_is_no_longer_listed()
    {
        // Arrange
        var organization = await Management.CreateOrganizationAsync("Invalidated");
        var created = await Management.CreateApiKeyAsync(organization.Id);

        // Act
        await Management.InvalidateApiKeyAsync(created.ApiKey.Id);

        // Assert
        (await Management.ValidateApiKeyAsync(created.PlainKey)).Should().BeNull();
        (await Management.ListApiKeysAsync(organization.Id).ToListAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Invalidating_an_unknown_key_is_a_404()
    {
        // Act
        var act = () => Management.InvalidateApiKeyAsync("apit_1234567890");

        // Assert
        (await act.Should().ThrowAsync<ScalekitManagementException>()).Which.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_key_lives_from_create_through_validate_and_update_until_it_is_invalidated()
    {
        // Arrange
        var created = await Management.CreateApiKeyAsync(environment.OrganizationId, new ScalekitApiKeyRequest { CustomClaims = Claims, Description = "Lifecycle" });

        // Act
        var first = await Management.ValidateApiKeyAsync(created.PlainKey);
        await Management.UpdateApiKeyAsync(created.PlainKey, new Dictionary<string, string> { ["env"] = "staging" });
        var afterUpdate = await Management.ValidateApiKeyAsync(created.PlainKey);
        await Management.InvalidateApiKeyAsync(created.PlainKey);
        var afterInvalidate = await Management.ValidateApiKeyAsync(created.PlainKey);

        // Assert
        first!.CustomClaims.Should().Equal(Claims);
        afterUpdate!.CustomClaims.Should().Equal(new Dictionary<string, string> { ["env"] = "staging", ["team"] = "payments" });
        afterUpdate.Id.Should().Be(created.ApiKey.Id);
        afterInvalidate.Should().BeNull();
    }

    [Fact]
    public void A_created_key_does_not_show_the_key_in_ToString()
    {
        // Arrange
        var apiKey = new ScalekitApiKey("apit_1", "org_1", null, null, new Dictionary<string, string>(), null, null, null, "Q2x9", []);

        // Act
        var text = new ScalekitCreatedApiKey(apiKey, "skapi_ly8G57h0ErRJSObJI6dShkoaq6bigo11Dxcfa6reQ2x9").ToString();

        // Assert
        text.Should().NotContain("ly8G57h0").And.Contain("apit_1").And.Contain("Q2x9");
    }
}
