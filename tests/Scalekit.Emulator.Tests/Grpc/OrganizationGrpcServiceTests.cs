using Grpc.Core;
using Scalekit.Emulator.Protos.Commons;
using Scalekit.Emulator.Protos.Organizations;
using Scalekit.Emulator.Tests.Framework;

namespace Scalekit.Emulator.Tests.Grpc;

/// <summary><c>scalekit.v1.organizations.OrganizationService</c> over h2c, with the status codes Scalekit's SDKs map to their exceptions.</summary>
public sealed class OrganizationGrpcServiceTests : EmulatorTest, IDisposable
{
    private GrpcManagement _grpc = null!;

    public OrganizationGrpcServiceTests()
        : base(registerClient: false)
    {
    }

    private OrganizationService.OrganizationServiceClient Organizations => _grpc.Organizations;

    public void Dispose() => _grpc?.Dispose();

    protected override async Task ArrangeAsync() => _grpc = await GrpcManagement.ConnectAsync(Emulator);

    [Fact]
    public async Task Creating_an_organization_answers_it_with_an_org_id_and_the_fields_sent()
    {
        // Act
        var response = await Organizations.CreateOrganizationAsync(Create("Acme Corp", "acme-1", RegionCode.Eu), _grpc.Authorized);

        // Assert
        response.Organization.Id.Should().StartWith("org_");
        response.Organization.DisplayName.Should().Be("Acme Corp");
        response.Organization.ExternalId.Should().Be("acme-1");
        response.Organization.RegionCode.Should().Be(RegionCode.Eu);
        response.Organization.Metadata.Should().Contain("plan", "pro");
        response.Organization.CreateTime.ToDateTimeOffset().Should().Be(Time.GetUtcNow().UtcDateTime);
    }

    [Fact]
    public async Task An_organization_is_read_back_by_id_and_by_external_id()
    {
        // Arrange
        var created = (await Organizations.CreateOrganizationAsync(Create("Acme Corp", "acme-1"), _grpc.Authorized)).Organization;

        // Act
        var byId = await Organizations.GetOrganizationAsync(new GetOrganizationRequest { Id = created.Id }, _grpc.Authorized);
        var byExternalId = await Organizations.GetOrganizationAsync(new GetOrganizationRequest { ExternalId = "acme-1" }, _grpc.Authorized);
        var byExternalIdMethod = await Organizations.GetOrganizationByExternalIdAsync(new GetOrganizationRequest { ExternalId = "acme-1" }, _grpc.Authorized);

        // Assert
        byId.Organization.Should().Be(created);
        byExternalId.Organization.Should().Be(created);
        byExternalIdMethod.Organization.Should().Be(created);
    }

    [Fact]
    public async Task An_unknown_organization_is_not_found()
    {
        // Act + Assert
        await Organizations.GetOrganizationAsync(new GetOrganizationRequest { Id = "org_1" }, _grpc.Authorized)
            .ShouldFailWithAsync(StatusCode.NotFound, "No organization with id 'org_1'");
    }

    [Fact]
    public async Task A_second_organization_with_the_same_external_id_already_exists()
    {
        // Arrange
        await Organizations.CreateOrganizationAsync(Create("Acme Corp", "acme-1"), _grpc.Authorized);

        // Act + Assert
        await Organizations.CreateOrganizationAsync(Create("Other", "acme-1"), _grpc.Authorized)
            .ShouldFailWithAsync(StatusCode.AlreadyExists, "external_id 'acme-1' exists already");
    }

    [Fact]
    public async Task An_organization_without_a_display_name_is_an_invalid_argument_with_the_REST_message()
    {
        // Act + Assert
        await Organizations.CreateOrganizationAsync(Create(""), _grpc.Authorized)
            .ShouldFailWithAsync(StatusCode.InvalidArgument, "display_name is required.");
    }

    [Fact]
    public async Task An_update_sets_only_the_fields_it_names()
    {
        // Arrange
        var created = (await Organizations.CreateOrganizationAsync(Create("Acme Corp", "acme-1"), _grpc.Authorized)).Organization;

        // Act
        var updated = await Organizations.UpdateOrganizationAsync(
            new UpdateOrganizationRequest { Id = created.Id, Organization = new UpdateOrganization { DisplayName = "Acme Inc" } }, _grpc.Authorized);

        // Assert
        updated.Organization.DisplayName.Should().Be("Acme Inc");
        updated.Organization.ExternalId.Should().Be("acme-1");
        updated.Organization.Metadata.Should().Contain("plan", "pro");
    }

    [Fact]
    public async Task An_update_by_external_id_with_an_update_mask_clears_the_masked_fields_left_empty()
    {
        // Arrange
        await Organizations.CreateOrganizationAsync(Create("Acme Corp", "acme-1"), _grpc.Authorized);
        var request = new UpdateOrganizationRequest { ExternalId = "acme-1", Organization = new UpdateOrganization(), UpdateMask = new() };
        request.UpdateMask.Paths.Add("metadata");

        // Act
        var updated = await Organizations.UpdateOrganizationAsync(request, _grpc.Authorized);

        // Assert
        updated.Organization.Metadata.Should().BeEmpty();
        updated.Organization.DisplayName.Should().Be("Acme Corp");
    }

    [Fact]
    public async Task A_deleted_organization_is_gone()
    {
        // Arrange
        var created = (await Organizations.CreateOrganizationAsync(Create("Acme Corp"), _grpc.Authorized)).Organization;

        // Act
        await Organizations.DeleteOrganizationAsync(new DeleteOrganizationRequest { Id = created.Id }, _grpc.Authorized);

        // Assert
        await Organizations.GetOrganizationAsync(new GetOrganizationRequest { Id = created.Id }, _grpc.Authorized)
            .ShouldFailWithAsync(StatusCode.NotFound, created.Id);
    }

    [Fact]
    public async Task Listing_pages_through_every_organization_with_the_tokens_it_hands_out()
    {
        // Arrange
        for (var i = 0; i < 21; i++)
        {
            await Organizations.CreateOrganizationAsync(Create($"Org {i}"), _grpc.Authorized);
        }

        // Act
        var first = await Organizations.ListOrganizationAsync(new ListOrganizationsRequest { PageSize = 10 }, _grpc.Authorized);
        var second = await Organizations.ListOrganizationAsync(new ListOrganizationsRequest { PageSize = 10, PageToken = first.NextPageToken }, _grpc.Authorized);
        var third = await Organizations.ListOrganizationAsync(new ListOrganizationsRequest { PageSize = 10, PageToken = second.NextPageToken }, _grpc.Authorized);

        // Assert
        first.TotalSize.Should().Be(21);
        first.PrevPageToken.Should().BeEmpty();
        second.PrevPageToken.Should().NotBeEmpty();
        third.NextPageToken.Should().BeEmpty();
        first.Organizations.Concat(second.Organizations).Concat(third.Organizations).Select(o => o.DisplayName)
            .Should().Equal(Enumerable.Range(0, 21).Select(i => $"Org {i}"));
    }

    [Theory]
    [InlineData(9u)]
    [InlineData(101u)]
    public async Task A_page_size_outside_10_to_100_is_an_invalid_argument(uint pageSize)
    {
        // Act + Assert
        await Organizations.ListOrganizationAsync(new ListOrganizationsRequest { PageSize = pageSize }, _grpc.Authorized)
            .ShouldFailWithAsync(StatusCode.InvalidArgument, "page_size must be a whole number from 10 to 100.");
    }

    [Fact]
    public async Task Search_finds_organizations_by_part_of_their_name_ignoring_case()
    {
        // Arrange
        await Organizations.CreateOrganizationAsync(Create("Acme Corp"), _grpc.Authorized);
        await Organizations.CreateOrganizationAsync(Create("Globex"), _grpc.Authorized);

        // Act
        var found = await Organizations.SearchOrganizationAsync(new SearchOrganizationsRequest { Query = "acme" }, _grpc.Authorized);

        // Assert
        found.Organizations.Select(o => o.DisplayName).Should().Equal("Acme Corp");
        found.TotalSize.Should().Be(1);
    }

    [Fact]
    public async Task A_method_the_emulator_does_not_serve_is_unimplemented()
    {
        // Arrange
        var method = new Method<GetOrganizationRequest, GetOrganizationResponse>(MethodType.Unary, "scalekit.v1.organizations.OrganizationService",
            "GeneratePortalLink", Marshallers.Create(r => Google.Protobuf.MessageExtensions.ToByteArray(r), GetOrganizationRequest.Parser.ParseFrom),
            Marshallers.Create(r => Google.Protobuf.MessageExtensions.ToByteArray(r), GetOrganizationResponse.Parser.ParseFrom));

        // Act
        var call = _grpc.Invoker.AsyncUnaryCall(method, null, new CallOptions(_grpc.Authorized), new GetOrganizationRequest { Id = "org_1" });

        // Assert
        var thrown = await FluentActions.Awaiting(async () => await call.ResponseAsync).Should().ThrowAsync<RpcException>();
        thrown.Which.StatusCode.Should().Be(StatusCode.Unimplemented);
    }

    private static CreateOrganizationRequest Create(string name, string? externalId = null, RegionCode region = RegionCode.Unspecified)
    {
        var organization = new CreateOrganization { DisplayName = name, RegionCode = region };
        organization.Metadata.Add("plan", "pro");
        if (externalId is not null)
        {
            organization.ExternalId = externalId;
        }

        return new CreateOrganizationRequest { Organization = organization };
    }
}
