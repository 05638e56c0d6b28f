using System.Net;
using Scalekit.Client.Management;
using Scalekit.Client.Tests.Framework;

namespace Scalekit.Client.Tests.Management;

/// <summary>Registering API clients for customers (Scalekit's "Add auth to your APIs" guide) and rotating their secrets.</summary>
public sealed class ApiClientTests(ClientEnvironment environment) : IClassFixture<ClientEnvironment>
{
    private static readonly ScalekitApiClientRequest GitHubActions = new()
    {
        Name = "GitHub Actions Deployment Service",
        Description = "Service account for GitHub Actions to deploy applications to production",
        CustomClaims = [new("github_repository", "acmecorp/inventory-service"), new("environment", "production_us")],
        Scopes = ["deploy:applications", "read:deployments"],
        Audience = [ProtectedApi.Audience],
        Expiry = 3600,
    };

    private ScalekitManagementClient Management => environment.Management;

    [Fact]
    public async Task A_client_is_created_with_the_seed_004_shape_and_its_secret_in_clear_once()
    {
        // Act
        var created = await Management.CreateClientAsync(environment.OrganizationId, GitHubActions);

        // Assert
        created.PlainSecret.Should().NotBeNullOrEmpty();
        created.Client.Should().BeEquivalentTo(new
        {
            GitHubActions.Name,
            GitHubActions.Description,
            GitHubActions.Scopes,
            GitHubActions.Audience,
            GitHubActions.CustomClaims,
            environment.OrganizationId,
        });
        created.Client.ClientId.Should().StartWith("m2morg_");
        var secret = created.Client.Secrets.Should().ContainSingle().Subject;
        secret.Id.Should().StartWith("sks_");
        secret.Status.Should().Be("ACTIVE");
        created.PlainSecret.Should().EndWith(secret.SecretSuffix);
    }

    [Fact]
    public async Task A_client_read_back_lists_its_secret_without_revealing_it()
    {
        // Arrange
        var created = await Management.CreateClientAsync(environment.OrganizationId, GitHubActions);

        // Act
        var client = await Management.GetClientAsync(environment.OrganizationId, created.Client.ClientId);

        // Assert
        client.Should().BeEquivalentTo(created.Client, o => o.Excluding(c => c.UpdateTime).Excluding(c => c.Secrets));
        client.Secrets.Should().ContainSingle().Which.SecretSuffix.Should().Be(created.Client.Secrets![0].SecretSuffix);
        client.ToString().Should().NotContain(created.PlainSecret);
    }

    [Fact]
    public async Task The_plain_secret_gets_a_token_for_the_client()
    {
        // Arrange
        var created = await Management.CreateClientAsync(environment.OrganizationId, GitHubActions);
        await using var services = ClientServices.Create(environment, new TestCredentials(environment.OrganizationId, created.Client.ClientId, created.PlainSecret));

        // Act
        var token = await services.Tokens.GetTokenAsync(ClientServices.Name);

        // Assert
        token.Scope.Should().Be("deploy:applications read:deployments");
    }

    [Fact]
    public async Task An_organizations_clients_are_listed()
    {
        // Arrange
        var first = await Management.CreateClientAsync(environment.OrganizationId, GitHubActions);
        var second = await Management.CreateClientAsync(environment.OrganizationId, new ScalekitApiClientRequest { Name = "Nightly report" });

        // Act
        var clients = await Management.ListClientsAsync(environment.OrganizationId).ToListAsync();

        // Assert
        clients.Select(c => c.ClientId).Should().Contain([first.Client.ClientId, second.Client.ClientId]);
    }

    [Fact]
    public async Task An_organization_with_more_clients_than_one_page_has_all_of_them_listed()
    {
        // Arrange: a fresh organization with 12 clients, read in pages of 10 (the smallest the API takes)
        var organization = await Management.CreateOrganizationAsync("Many clients");
        var created = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            created.Add((await Management.CreateClientAsync(organization.Id, new ScalekitApiClientRequest { Name = $"Client {i}" })).Client.ClientId);
        }

        // Act
        var listed = await Management.ListClientsAsync(organization.Id, pageSize: 10).Select(c => c.ClientId).ToListAsync();

        // Assert
        listed.Should().Equal(created);
    }

    [Fact]
    public async Task A_page_of_clients_carries_the_tokens_of_its_neighbours_and_the_total()
    {
        // Arrange
        var organization = await Management.CreateOrganizationAsync("Paged clients");
        for (var i = 0; i < 11; i++)
        {
            await Management.CreateClientAsync(organization.Id, new ScalekitApiClientRequest { Name = $"Client {i}" });
        }

        // Act
        var first = await Management.ListClientsPageAsync(organization.Id, pageSize: 10);
        var second = await Management.ListClientsPageAsync(organization.Id, pageSize: 10, pageToken: first.NextPageToken);

        // Assert
        first.Items.Select(c => c.Name).Should().Equal(Enumerable.Range(0, 10).Select(i => $"Client {i}"));
        first.TotalSize.Should().Be(11);
        first.PrevPageToken.Should().BeNull();
        second.Items.Select(c => c.Name).Should().Equal("Client 10");
        second.NextPageToken.Should().BeNull();
        second.PrevPageToken.Should().NotBeNull();
    }

    [Fact]
    public async Task Patch_changes_only_the_fields_it_sets()
    {
        // Arrange
        var created = await Management.CreateClientAsync(environment.OrganizationId, GitHubActions);

        // Act
        var updated = await Management.UpdateClientAsync(environment.OrganizationId, created.Client.ClientId,
            new ScalekitApiClientRequest { Description = "Deploys to staging only", Scopes = ["read:deployments"] });

        // Assert
        updated.Description.Should().Be("Deploys to staging only");
        updated.Scopes.Should().Equal("read:deployments");
        updated.Name.Should().Be(GitHubActions.Name);
        updated.Audience.Should().Equal(GitHubActions.Audience);
        updated.CustomClaims.Should().Equal(GitHubActions.CustomClaims);
    }

    [Fact]
    public async Task A_deleted_client_is_gone()
    {
        // Arrange
        var created = await Management.CreateClientAsync(environment.OrganizationId, GitHubActions);

        // Act
        await Management.DeleteClientAsync(environment.OrganizationId, created.Client.ClientId);

        // Assert
        var act = () => Management.GetClientAsync(environment.OrganizationId, created.Client.ClientId);
        var error = (await act.Should().ThrowAsync<ScalekitManagementException>()).Which;
        error.StatusCode.Should().Be(HttpStatusCode.NotFound);
        error.Detail.Should().Contain(created.Client.ClientId);
    }

    [Fact]
    public async Task An_added_secret_works_and_a_revoked_one_is_refused_as_invalid_client()
    {
        // Arrange
        var created = await Management.CreateClientAsync(environment.OrganizationId, GitHubActions);
        var clientId = created.Client.ClientId;

        // Act: rotate, add the new secret, then revoke the old one
        var added = await Management.AddSecretAsync(environment.OrganizationId, clientId);
        await Management.RevokeSecretAsync(environment.OrganizationId, clientId, created.Client.Secrets![0].Id);

        // Assert
        added.PlainSecret.Should().NotBe(created.PlainSecret).And.EndWith(added.Secret.SecretSuffix);
        await using var rotated = ClientServices.Create(environment, new TestCredentials(environment.OrganizationId, clientId, added.PlainSecret));
        (await rotated.Tokens.GetTokenAsync(ClientServices.Name)).Value.Should().NotBeNullOrEmpty();
        await using var stale = ClientServices.Create(environment, new TestCredentials(environment.OrganizationId, clientId, created.PlainSecret));
        var act = () => stale.Tokens.GetTokenAsync(ClientServices.Name);
        (await act.Should().ThrowAsync<ScalekitTokenException>()).Which.Error.Should().Be("invalid_client");
        (await Management.GetClientAsync(environment.OrganizationId, clientId)).Secrets.Should().ContainSingle().Which.Id.Should().Be(added.Secret.Id);
    }

    [Fact]
    public async Task A_client_for_an_unknown_organization_is_refused_with_404()
    {
        // Act
        var act = () => Management.CreateClientAsync("org_does_not_exist", GitHubActions);

        // Assert
        (await act.Should().ThrowAsync<ScalekitManagementException>()).Which.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Management_calls_share_one_token_of_the_environment_client()
    {
        // Arrange: the fixture's set-up made the first management call
        var before = environment.Proxy.TokenRequestsFor(environment.Emulator.EnvironmentClientId);

        // Act
        var created = await Management.CreateClientAsync(environment.OrganizationId, GitHubActions);
        await Management.GetClientAsync(environment.OrganizationId, created.Client.ClientId);
        await Management.ListClientsAsync(environment.OrganizationId).ToListAsync();

        // Assert
        before.Should().Be(1);
        environment.Proxy.TokenRequestsFor(environment.Emulator.EnvironmentClientId).Should().Be(1);
    }

    [Fact]
    public void Results_with_a_plain_secret_do_not_show_it_in_ToString()
    {
        // Arrange
        var secret = new ScalekitClientSecret("sks_1", null, null, "UZ0X", "ACTIVE", null);
        var client = new ScalekitApiClient("m2morg_1", [secret], "n", "d", "org_1", null, null, [], [], [], 3600);

        // Act
        var texts = new[]
        {
            new ScalekitCreatedApiClient(client, "test_ly8G57h0ErRJSObJI6dShkoaq6bigo11Dxcfa6reKG1kKNVbqBKW4H5Ctmb5UZ0X").ToString(),
            new ScalekitCreatedSecret(secret, "test_ly8G57h0ErRJSObJI6dShkoaq6bigo11Dxcfa6reKG1kKNVbqBKW4H5Ctmb5UZ0X").ToString(),
        };

        // Assert
        texts.Should().OnlyContain(t => !t.Contains("test_ly8G57h0", StringComparison.Ordinal) && t.Contains("UZ0X", StringComparison.Ordinal));
    }
}
