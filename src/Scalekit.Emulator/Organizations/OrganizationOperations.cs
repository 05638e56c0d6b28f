using Scalekit.Emulator.Management;
using Scalekit.Emulator.Storage;

namespace Scalekit.Emulator.Organizations;

/// <summary>
/// What the management API does with organizations, whichever way it is called: REST
/// (<see cref="OrganizationEndpoints"/>) and gRPC (<see cref="OrganizationGrpcService"/>) only translate.
/// </summary>
internal sealed class OrganizationOperations(EmulatorStore store)
{
    /// <summary>Listing: 10 to 100 a page, as Scalekit's API reference gives it.</summary>
    public static readonly PageLimits ListPages = new(10, 10, 100);

    /// <summary>Searching: 1 to 30 a page, as Scalekit's API reference gives it.</summary>
    public static readonly PageLimits SearchPages = new(10, 1, 30);

    public const int MinQuery = 3;
    public const int MaxQuery = 256;

    public ManagementResult<Organization> Create(OrganizationFields fields)
    {
        if (ManagementValidation.Organization(fields, create: true) is { } invalid)
        {
            return ManagementError.Invalid(invalid);
        }

        if (fields.ExternalId is { Length: > 0 } externalId && store.ExternalIdOwner(externalId) is not null)
        {
            return ExternalIdTaken(externalId);
        }

        return StoreConstraints.Guard<Organization>(() => store.CreateOrganization(fields), () => ExternalIdTaken(fields.ExternalId!));
    }

    public ManagementResult<Organization> Get(OrganizationReference reference)
    {
        if (Required(reference) is { } missing)
        {
            return missing;
        }

        return store.GetOrganization(reference) is { } organization ? organization : NotFound(reference);
    }

    public ManagementResult<Organization> Update(OrganizationReference reference, OrganizationFields fields)
    {
        if (Required(reference) is { } missing)
        {
            return missing;
        }

        if (ManagementValidation.Organization(fields, create: false) is { } invalid)
        {
            return ManagementError.Invalid(invalid);
        }

        if (store.GetOrganization(reference) is not { } existing)
        {
            return NotFound(reference);
        }

        if (fields.ExternalId is { Length: > 0 } externalId && store.ExternalIdOwner(externalId) is { } owner && owner != existing.Id)
        {
            return ExternalIdTaken(externalId);
        }

        return StoreConstraints.Guard(
            () => store.UpdateOrganization(existing.Id, fields) is { } updated ? updated : (ManagementResult<Organization>)NotFound(reference),
            () => ExternalIdTaken(fields.ExternalId!));
    }

    public ManagementResult<Organization> Delete(OrganizationReference reference)
    {
        if (Required(reference) is { } missing)
        {
            return missing;
        }

        return store.GetOrganization(reference) is { } existing && store.DeleteOrganization(existing.Id) ? existing : NotFound(reference);
    }

    public ManagementResult<Page<Organization>> List(ManagementResult<PageRequest> paging, string? externalId)
    {
        if (paging.Error is { } error)
        {
            return error;
        }

        var page = paging.Value;
        var (items, total) = store.ListOrganizations(page.Offset, page.Size, string.IsNullOrEmpty(externalId) ? null : externalId);
        return page.Of(items, total);
    }

    public ManagementResult<Page<Organization>> Search(string? query, ManagementResult<PageRequest> paging)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return ManagementError.Invalid("query is required: part of a display name or external id, or an organization id.");
        }

        if (query.Trim().Length is < MinQuery or > MaxQuery)
        {
            return ManagementError.Invalid($"query must be {MinQuery} to {MaxQuery} characters.");
        }

        if (paging.Error is { } error)
        {
            return error;
        }

        var page = paging.Value;
        var (items, total) = store.SearchOrganizations(query.Trim(), page.Offset, page.Size);
        return page.Of(items, total);
    }

    private static ManagementError? Required(OrganizationReference reference) =>
        string.IsNullOrEmpty(reference.Id) && string.IsNullOrEmpty(reference.ExternalId)
            ? ManagementError.Invalid("Name the organization by id or by external_id.")
            : null;

    private static ManagementError NotFound(OrganizationReference reference) =>
        reference.Id is not null
            ? ManagementError.NotFound("organization", reference.Id)
            : new ManagementError(ManagementErrorKind.NotFound, $"No organization with external_id '{ManagementValidation.Clip(reference.ExternalId)}'.");

    private static ManagementError ExternalIdTaken(string externalId) =>
        ManagementError.Conflict($"An organization with external_id '{ManagementValidation.Clip(externalId)}' exists already.");
}
