using Grpc.Core;
using Scalekit.Emulator.Protos.Clients;
using Scalekit.Emulator.Tests.Framework;

namespace Scalekit.Emulator.Tests.Grpc;

/// <summary>The organization-client methods of <c>scalekit.v1.clients.ClientService</c> over h2c, on the same store as REST.</summary>
public sealed class ClientGrpcServiceTests : EmulatorTest, IDisposable
{
    private GrpcManagement _grpc = null!;
    private string _organizationId = null!;

    public ClientGrpcServiceTests()
        : base(registerClient: false)
    {
    }

    private ClientService.ClientServiceClient Clients => _grpc.Clients;

    public void Dispose() => _grpc?.Dispose();

    protected override async Task ArrangeAsync()
    {
        _grpc = await GrpcManagement.ConnectAsync(Emulator);
        _organizationId = await Emulator.CreateOrganizationAsync();
    }

    [Fact]
    public async Task A_client_created_over_grpc_gets_tokens_with_its_plain_secret()
    {
        // Act
        var created = await CreateAsync("deployments");

        // Assert
        created.Client.ClientId.Should().StartWith("m2morg_");
        created.Client.Scopes.Should().Equal("deploy:applications");
        created.Client.Secrets.Should().ContainSingle().Which.Status.Should().Be(ClientSecretStatus.Active);
        using var token = await Emulator.PostTokenAsync(created.Client.ClientId, created.PlainSecret);
        token.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_client_created_over_grpc_is_read_back_over_rest()
    {
        // Arrange
        var created = await CreateAsync("deployments");

        // Act
        var json = await Emulator.ManageAsync(HttpMethod.Get, $"/api/v1/organizations/{_organizationId}/clients/{created.Client.ClientId}", null, System.Net.HttpStatusCode.OK);

        // Assert
        json.GetProperty("client").GetProperty("name").GetString().Should().Be("deployments");
    }

    [Fact]
    public async Task An_update_keeps_every_field_left_at_its_default()
    {
        // Arrange
        var created = await CreateAsync("deployments");

        // Act
        var updated = await Clients.UpdateOrganizationClientAsync(new UpdateOrganizationClientRequest
        {
            OrganizationId = _organizationId,
            ClientId = created.Client.ClientId,
            Client = new OrganizationClient { Description = "CI" },
        }, _grpc.Authorized);

        // Assert
        updated.Client.Description.Should().Be("CI");
        updated.Client.Name.Should().Be("deployments");
        updated.Client.Scopes.Should().Equal("deploy:applications");
    }

    [Fact]
    public async Task Listing_clients_pages_with_the_tokens_it_hands_out()
    {
        // Arrange
        for (var i = 0; i < 11; i++)
        {
            await CreateAsync($"client {i}");
        }

        // Act
        var first = await Clients.ListOrganizationClientsAsync(new ListOrganizationClientsRequest { OrganizationId = _organizationId, PageSize = 10 }, _grpc.Authorized);
        var second = await Clients.ListOrganizationClientsAsync(
            new ListOrganizationClientsRequest { OrganizationId = _organizationId, PageSize = 10, PageToken = first.NextPageToken }, _grpc.Authorized);

        // Assert
        first.TotalSize.Should().Be(11);
        first.Clients.Concat(second.Clients).Select(c => c.Name).Should().Equal(Enumerable.Range(0, 11).Select(i => $"client {i}"));
        second.NextPageToken.Should().BeEmpty();
    }

    [Fact]
    public async Task A_client_of_an_unknown_organization_is_not_found()
    {
        // Act + Assert
        await Clients.GetOrganizationClientAsync(new GetOrganizationClientRequest { OrganizationId = "org_1", ClientId = "m2morg_1" }, _grpc.Authorized)
            .ShouldFailWithAsync(StatusCode.NotFound, "No organization with id 'org_1'");
    }

    [Fact]
    public async Task A_scope_with_a_space_is_an_invalid_argument_with_the_REST_message()
    {
        // Act + Assert
        var client = new OrganizationClient { Name = "bad" };
        client.Scopes.Add("read all");
        await Clients.CreateOrganizationClientAsync(new CreateOrganizationClientRequest { OrganizationId = _organizationId, Client = client }, _grpc.Authorized)
            .ShouldFailWithAsync(StatusCode.InvalidArgument, "is not a scope");
    }

    [Fact]
    public async Task Rotating_a_secret_over_grpc_adds_the_new_one_and_revokes_the_old()
    {
        // Arrange
        var created = await CreateAsync("deployments");
        var added = await Clients.CreateOrganizationClientSecretAsync(
            new CreateOrganizationClientSecretRequest { OrganizationId = _organizationId, ClientId = created.Client.ClientId }, _grpc.Authorized);

        // Act
        await Clients.DeleteOrganizationClientSecretAsync(new DeleteOrganizationClientSecretRequest
        {
            OrganizationId = _organizationId,
            ClientId = created.Client.ClientId,
            SecretId = created.Client.Secrets[0].Id,
        }, _grpc.Authorized);

        // Assert
        using var old = await Emulator.PostTokenAsync(created.Client.ClientId, created.PlainSecret);
        old.StatusCode.Should().Be(System.Net.HttpStatusCode.Unauthorized);
        using var fresh = await Emulator.PostTokenAsync(created.Client.ClientId, added.PlainSecret);
        fresh.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
    }

    [Fact]
    public async Task Revoking_the_only_secret_is_a_failed_precondition()
    {
        // Arrange
        var created = await CreateAsync("deployments");

        // Act + Assert
        await Clients.DeleteOrganizationClientSecretAsync(new DeleteOrganizationClientSecretRequest
        {
            OrganizationId = _organizationId,
            ClientId = created.Client.ClientId,
            SecretId = created.Client.Secrets[0].Id,
        }, _grpc.Authorized).ShouldFailWithAsync(StatusCode.FailedPrecondition, "only secret");
    }

    [Fact]
    public async Task A_deleted_client_is_not_found()
    {
        // Arrange
        var created = await CreateAsync("deployments");

        // Act
        await Clients.DeleteOrganizationClientAsync(new DeleteOrganizationClientRequest { OrganizationId = _organizationId, ClientId = created.Client.ClientId }, _grpc.Authorized);

        // Assert
        await Clients.GetOrganizationClientAsync(new GetOrganizationClientRequest { OrganizationId = _organizationId, ClientId = created.Client.ClientId }, _grpc.Authorized)
            .ShouldFailWithAsync(StatusCode.NotFound, created.Client.ClientId);
    }

    private async Task<CreateOrganizationClientResponse> CreateAsync(string name)
    {
        var client = new OrganizationClient { Name = name, Expiry = 3600 };
        client.Scopes.Add("deploy:applications");
        client.Audience.Add("deployment-api.acmecorp.com");
        return await Clients.CreateOrganizationClientAsync(new CreateOrganizationClientRequest { OrganizationId = _organizationId, Client = client }, _grpc.Authorized);
    }
}
