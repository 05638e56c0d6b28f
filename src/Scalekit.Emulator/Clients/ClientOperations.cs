using Scalekit.Emulator.Management;
using Scalekit.Emulator.Storage;

namespace Scalekit.Emulator.Clients;

/// <summary>
/// What the management API does with an organization's API clients and their secrets, whichever way it is called:
/// REST (<see cref="ClientEndpoints"/>) and gRPC (<see cref="ClientGrpcService"/>) only translate. A plain secret is
/// in exactly one answer: the one that created it.
/// </summary>
internal sealed class ClientOperations(EmulatorStore store)
{
    /// <summary>10 to 100 a page, as for organizations.</summary>
    public static readonly PageLimits Pages = new(10, 10, 100);

    public ManagementResult<(ApiClient Client, string PlainSecret)> Create(string organizationId, ClientFields fields)
    {
        if (OrganizationMissing(organizationId) is { } missing)
        {
            return missing;
        }

        var (spec, invalid) = ManagementValidation.Client(fields, existing: null);
        return invalid is not null
            ? ManagementError.Invalid(invalid)
            : StoreConstraints.Guard<(ApiClient, string)>(() => store.CreateClient(organizationId, spec!), () => ManagementError.NotFound("organization", organizationId));
    }

    public ManagementResult<ApiClient> Get(string organizationId, string clientId) =>
        OrganizationMissing(organizationId) is { } missing ? missing
        : store.GetClient(organizationId, clientId) is { } client ? client
        : ClientNotFound(clientId);

    public ManagementResult<ApiClient> Update(string organizationId, string clientId, ClientFields fields)
    {
        var existing = Get(organizationId, clientId);
        if (existing.Error is { } error)
        {
            return error;
        }

        var (spec, invalid) = ManagementValidation.Client(fields, existing.Value);
        if (invalid is not null)
        {
            return ManagementError.Invalid(invalid);
        }

        return store.UpdateClient(organizationId, clientId, spec!) is { } client ? client : ClientNotFound(clientId);
    }

    public ManagementResult<string> Delete(string organizationId, string clientId) =>
        OrganizationMissing(organizationId) is { } missing ? missing
        : store.DeleteClient(organizationId, clientId) ? clientId
        : ClientNotFound(clientId);

    public ManagementResult<Page<ApiClient>> List(string organizationId, ManagementResult<PageRequest> paging)
    {
        if ((OrganizationMissing(organizationId) ?? paging.Error) is { } error)
        {
            return error;
        }

        var page = paging.Value;
        var (items, total) = store.ListClients(organizationId, page.Offset, page.Size);
        return page.Of(items, total);
    }

    public ManagementResult<(ClientSecret Secret, string PlainSecret)> AddSecret(string organizationId, string clientId) =>
        OrganizationMissing(organizationId) is { } missing ? missing
        : StoreConstraints.Guard(
            () => store.AddSecret(organizationId, clientId) is { } added ? added : (ManagementResult<(ClientSecret, string)>)ClientNotFound(clientId),
            () => ClientNotFound(clientId));

    /// <summary>Revokes a secret; the client's last one stays, or the client could never get a token again.</summary>
    public ManagementResult<string> RevokeSecret(string organizationId, string clientId, string secretId)
    {
        if (Get(organizationId, clientId) is { Error: { } error })
        {
            return error;
        }

        return store.RevokeSecret(organizationId, clientId, secretId) switch
        {
            SecretRevocation.Revoked => secretId,
            SecretRevocation.LastSecret => ManagementError.Precondition(
                $"Secret '{ManagementValidation.Clip(secretId)}' is the client's only secret: revoking it would leave a client that can never get a token. " +
                "Create a new secret first, or delete the client."),
            _ => ManagementError.NotFound("secret", secretId),
        };
    }

    private ManagementError? OrganizationMissing(string organizationId) =>
        string.IsNullOrEmpty(organizationId) ? ManagementError.Invalid("organization_id is required.")
        : store.GetOrganization(organizationId) is null ? ManagementError.NotFound("organization", organizationId)
        : null;

    private static ManagementError ClientNotFound(string clientId) => ManagementError.NotFound("API client", clientId);
}
