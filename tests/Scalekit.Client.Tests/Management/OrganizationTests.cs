using System.Net;
using Scalekit.Client.Management;
using Scalekit.Client.Tests.Framework;

namespace Scalekit.Client.Tests.Management;

/// <summary>Organizations: create, read by id or external id, update, delete, and the refusals the API explains.</summary>
public sealed class OrganizationTests(ClientEnvironment environment) : IClassFixture<ClientEnvironment>
{
    private ScalekitManagementClient Management => environment.Management;

    [Fact]
    public async Task An_organization_is_created_with_its_external_id_region_metadata_slug_and_logo()
    {
        // Arrange
        var externalId = NewExternalId();

        // Act
        var organization = await Management.CreateOrganizationAsync(new ScalekitOrganizationRequest
        {
            DisplayName = "Looney Corp",
            ExternalId = externalId,
            RegionCode = "EU",
            Metadata = new Dictionary<string, string> { ["plan"] = "enterprise", ["crm"] = "salesforce" },
            Slug = "looney",
            LogoUrl = "https://cdn.looney.example/logo.png",
        });

        // Assert
        organization.Id.Should().StartWith("org_");
        organization.Should().BeEquivalentTo(new
        {
            DisplayName = "Looney Corp",
            ExternalId = externalId,
            RegionCode = "EU",
            Metadata = new Dictionary<string, string> { ["plan"] = "enterprise", ["crm"] = "salesforce" },
            Slug = "looney",
            LogoUrl = "https://cdn.looney.example/logo.png",
        });
        organization.CreateTime.Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task An_organization_is_read_by_its_id()
    {
        // Arrange
        var created = await Management.CreateOrganizationAsync("Read by id", NewExternalId());

        // Act
        var read = await Management.GetOrganizationAsync(created.Id);

        // Assert
        read.Should().BeEquivalentTo(created);
    }

    [Fact]
    public async Task An_organization_is_read_by_its_external_id()
    {
        // Arrange: a space, so that the id is escaped in the path
        var externalId = NewExternalId() + " eu";
        var created = await Management.CreateOrganizationAsync("Read by external id", externalId);

        // Act
        var read = await Management.GetOrganizationByExternalIdAsync(externalId);

        // Assert
        read.Id.Should().Be(created.Id);
        read.ExternalId.Should().Be(externalId);
    }

    [Fact]
    public async Task An_organization_whose_external_id_has_a_slash_is_read_by_it()
    {
        // Arrange
        var externalId = NewExternalId() + "/eu";
        var created = await Management.CreateOrganizationAsync("Slash", externalId);

        // Act
        var read = await Management.GetOrganizationByExternalIdAsync(externalId);

        // Assert
        read.Id.Should().Be(created.Id);
    }

    [Fact]
    public async Task An_unknown_organization_id_is_a_404_that_names_it()
    {
        // Act
        var act = () => Management.GetOrganizationAsync("org_1234567890");

        // Assert
        var error = (await act.Should().ThrowAsync<ScalekitManagementException>()).Which;
        error.StatusCode.Should().Be(HttpStatusCode.NotFound);
        error.Detail.Should().Be("No organization with id 'org_1234567890'.");
        error.Message.Should().Be("Scalekit management API: GET /api/v1/organizations/org_1234567890 answered 404 NotFound: No organization with id 'org_1234567890'.");
    }

    [Fact]
    public async Task An_unknown_external_id_is_a_404()
    {
        // Act
        var act = () => Management.GetOrganizationByExternalIdAsync("crm-nobody");

        // Assert
        (await act.Should().ThrowAsync<ScalekitManagementException>()).Which.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_update_changes_only_the_fields_it_sets()
    {
        // Arrange
        var created = await Management.CreateOrganizationAsync(new ScalekitOrganizationRequest
        {
            DisplayName = "Before",
            ExternalId = NewExternalId(),
            Metadata = new Dictionary<string, string> { ["plan"] = "free" },
        });

        // Act
        var updated = await Management.UpdateOrganizationAsync(created.Id, new ScalekitOrganizationRequest { DisplayName = "After" });

        // Assert
        updated.DisplayName.Should().Be("After");
        updated.ExternalId.Should().Be(created.ExternalId);
        updated.Metadata.Should().Equal(created.Metadata);
        (await Management.GetOrganizationAsync(created.Id)).DisplayName.Should().Be("After");
    }

    [Fact]
    public async Task An_update_replaces_the_metadata_and_an_empty_external_id_removes_it()
    {
        // Arrange
        var created = await Management.CreateOrganizationAsync(new ScalekitOrganizationRequest
        {
            DisplayName = "Metadata",
            ExternalId = NewExternalId(),
            Metadata = new Dictionary<string, string> { ["plan"] = "free", ["crm"] = "hubspot" },
        });

        // Act
        var updated = await Management.UpdateOrganizationAsync(created.Id, new ScalekitOrganizationRequest
        {
            ExternalId = "",
            Metadata = new Dictionary<string, string> { ["plan"] = "enterprise" },
        });

        // Assert
        updated.ExternalId.Should().BeNull();
        updated.Metadata.Should().Equal(new Dictionary<string, string> { ["plan"] = "enterprise" });
    }

    [Fact]
    public async Task An_update_that_sets_a_region_is_refused_before_anything_is_sent()
    {
        // Act
        var act = () => Management.UpdateOrganizationAsync(environment.OrganizationId, new ScalekitOrganizationRequest { RegionCode = "EU" });

        // Assert
        (await act.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("cannot be changed");
    }

    [Fact]
    public async Task An_update_of_an_unknown_organization_is_a_404()
    {
        // Act
        var act = () => Management.UpdateOrganizationAsync("org_1234567890", new ScalekitOrganizationRequest { DisplayName = "Nobody" });

        // Assert
        (await act.Should().ThrowAsync<ScalekitManagementException>()).Which.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_taken_external_id_is_a_409_on_create()
    {
        // Arrange
        var externalId = NewExternalId();
        await Management.CreateOrganizationAsync("First", externalId);

        // Act
        var act = () => Management.CreateOrganizationAsync("Second", externalId);

        // Assert
        var error = (await act.Should().ThrowAsync<ScalekitManagementException>()).Which;
        error.StatusCode.Should().Be(HttpStatusCode.Conflict);
        error.Detail.Should().Be($"An organization with external_id '{externalId}' exists already.");
    }

    [Fact]
    public async Task A_taken_external_id_is_a_409_on_update()
    {
        // Arrange
        var externalId = NewExternalId();
        await Management.CreateOrganizationAsync("Holder", externalId);
        var other = await Management.CreateOrganizationAsync("Other");

        // Act
        var act = () => Management.UpdateOrganizationAsync(other.Id, new ScalekitOrganizationRequest { ExternalId = externalId });

        // Assert
        (await act.Should().ThrowAsync<ScalekitManagementException>()).Which.StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_display_name_over_the_limit_is_refused_with_the_APIs_reason()
    {
        // Act
        var act = () => Management.CreateOrganizationAsync(new string('x', 201));

        // Assert
        var error = (await act.Should().ThrowAsync<ScalekitManagementException>()).Which;
        error.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        error.Detail.Should().Be("display_name is longer than 200 characters.");
        error.Message.Should().EndWith(": display_name is longer than 200 characters.");
    }

    [Fact]
    public async Task A_create_without_a_display_name_is_refused_before_anything_is_sent()
    {
        // Act
        var act = () => Management.CreateOrganizationAsync(new ScalekitOrganizationRequest { ExternalId = NewExternalId() });

        // Assert
        await act.Should().ThrowAsync<ArgumentException>();
    }

    [Fact]
    public async Task A_deleted_organization_is_gone_with_its_clients()
    {
        // Arrange
        var organization = await Management.CreateOrganizationAsync("Short-lived");
        await Management.CreateClientAsync(organization.Id, new ScalekitApiClientRequest { Name = "Goes too" });

        // Act
        await Management.DeleteOrganizationAsync(organization.Id);

        // Assert
        var read = () => Management.GetOrganizationAsync(organization.Id);
        (await read.Should().ThrowAsync<ScalekitManagementException>()).Which.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var clients = () => Management.ListClientsAsync(organization.Id).ToListAsync().AsTask();
        (await clients.Should().ThrowAsync<ScalekitManagementException>()).Which.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Deleting_an_unknown_organization_is_a_404()
    {
        // Act
        var act = () => Management.DeleteOrganizationAsync("org_1234567890");

        // Assert
        (await act.Should().ThrowAsync<ScalekitManagementException>()).Which.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private static string NewExternalId() => "crm-" + Guid.NewGuid().ToString("N");
}
