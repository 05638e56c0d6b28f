using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Scalekit.Emulator.Management;
using Scalekit.Emulator.Protos.Commons;
using Scalekit.Emulator.Protos.Organizations;
using static Scalekit.Emulator.Management.GrpcResults;

namespace Scalekit.Emulator.Organizations;

/// <summary>
/// <c>scalekit.v1.organizations.OrganizationService</c>, as Scalekit's SDKs call it: the methods of
/// <c>Protos/scalekit/v1/organizations/organizations.proto</c>; the others answer <c>UNIMPLEMENTED</c>.
/// </summary>
internal sealed class OrganizationGrpcService(OrganizationOperations organizations) : OrganizationService.OrganizationServiceBase
{
    public override Task<CreateOrganizationResponse> CreateOrganization(CreateOrganizationRequest request, ServerCallContext context)
    {
        var organization = request.Organization ?? new CreateOrganization();
        var fields = new OrganizationFields(
            organization.DisplayName,
            organization.HasExternalId ? organization.ExternalId : null,
            Region(organization.RegionCode),
            new Dictionary<string, string>(organization.Metadata),
            organization.HasSlug ? organization.Slug : null,
            organization.HasLogoUrl ? organization.LogoUrl : null);
        return Task.FromResult(new CreateOrganizationResponse { Organization = Message(Unwrap(organizations.Create(fields))) });
    }

    public override Task<UpdateOrganizationResponse> UpdateOrganization(UpdateOrganizationRequest request, ServerCallContext context)
    {
        var update = request.Organization ?? new UpdateOrganization();
        var mask = request.UpdateMask?.Paths is { Count: > 0 } paths ? paths.ToHashSet(StringComparer.Ordinal) : null;
        bool Set(string path, bool present) => mask is null ? present : mask.Contains(path);
        var fields = new OrganizationFields(
            Set("display_name", update.HasDisplayName) ? update.DisplayName : null,
            Set("external_id", update.HasExternalId) ? update.ExternalId : null,
            Metadata: Set("metadata", update.Metadata.Count > 0) ? new Dictionary<string, string>(update.Metadata) : null,
            Slug: Set("slug", update.HasSlug) ? update.Slug : null,
            LogoUrl: Set("logo_url", update.HasLogoUrl) ? update.LogoUrl : null);
        var reference = request.IdentitiesCase == UpdateOrganizationRequest.IdentitiesOneofCase.ExternalId
            ? OrganizationReference.ByExternalId(request.ExternalId)
            : OrganizationReference.ById(request.Id);
        return Task.FromResult(new UpdateOrganizationResponse { Organization = Message(Unwrap(organizations.Update(reference, fields))) });
    }

    public override Task<GetOrganizationResponse> GetOrganization(GetOrganizationRequest request, ServerCallContext context) =>
        Task.FromResult(new GetOrganizationResponse { Organization = Message(Unwrap(organizations.Get(Reference(request)))) });

    public override Task<GetOrganizationResponse> GetOrganizationByExternalId(GetOrganizationRequest request, ServerCallContext context) =>
        GetOrganization(request, context);

    public override Task<ListOrganizationsResponse> ListOrganization(ListOrganizationsRequest request, ServerCallContext context)
    {
        var page = Unwrap(organizations.List(PageRequest.From(request.PageSize, request.PageToken, OrganizationOperations.ListPages), request.HasExternalId ? request.ExternalId : null));
        var response = new ListOrganizationsResponse { NextPageToken = page.NextPageToken, PrevPageToken = page.PrevPageToken, TotalSize = (uint)page.Total };
        response.Organizations.AddRange(page.Items.Select(Message));
        return Task.FromResult(response);
    }

    public override Task<SearchOrganizationsResponse> SearchOrganization(SearchOrganizationsRequest request, ServerCallContext context)
    {
        var page = Unwrap(organizations.Search(request.Query, PageRequest.From(request.PageSize, request.PageToken, OrganizationOperations.SearchPages)));
        var response = new SearchOrganizationsResponse { NextPageToken = page.NextPageToken, PrevPageToken = page.PrevPageToken, TotalSize = (uint)page.Total };
        response.Organizations.AddRange(page.Items.Select(Message));
        return Task.FromResult(response);
    }

    public override Task<Empty> DeleteOrganization(DeleteOrganizationRequest request, ServerCallContext context)
    {
        var reference = request.IdentitiesCase == DeleteOrganizationRequest.IdentitiesOneofCase.ExternalId
            ? OrganizationReference.ByExternalId(request.ExternalId)
            : OrganizationReference.ById(request.Id);
        Unwrap(organizations.Delete(reference));
        return Task.FromResult(new Empty());
    }

    private static OrganizationReference Reference(GetOrganizationRequest request) =>
        request.IdentitiesCase == GetOrganizationRequest.IdentitiesOneofCase.ExternalId
            ? OrganizationReference.ByExternalId(request.ExternalId)
            : OrganizationReference.ById(request.Id);

    private static string? Region(RegionCode code) => code switch
    {
        RegionCode.Us => "US",
        RegionCode.Eu => "EU",
        _ => null,
    };

    private static Organization Message(Storage.Organization organization)
    {
        var message = new Organization
        {
            Id = organization.Id,
            CreateTime = Time(organization.CreateTime),
            UpdateTime = Time(organization.UpdateTime),
            DisplayName = organization.DisplayName,
            RegionCode = organization.RegionCode switch
            {
                "US" => RegionCode.Us,
                "EU" => RegionCode.Eu,
                _ => RegionCode.Unspecified,
            },
            Settings = new OrganizationSettings(),
        };
        if (organization.ExternalId is { } externalId)
        {
            message.ExternalId = externalId;
        }

        if (organization.Slug is { } slug)
        {
            message.Slug = slug;
        }

        if (organization.LogoUrl is { } logoUrl)
        {
            message.LogoUrl = logoUrl;
        }

        foreach (var (key, value) in organization.Metadata)
        {
            message.Metadata[key] = value;
        }

        return message;
    }
}
