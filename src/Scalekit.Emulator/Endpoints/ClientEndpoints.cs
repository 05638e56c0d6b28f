using Scalekit.Emulator.Internal;
using Scalekit.Emulator.Storage;

namespace Scalekit.Emulator.Endpoints;

/// <summary>
/// An organization's API clients (Scalekit's "Add auth to your APIs" guide) and their secrets. A plain secret appears in exactly one response: the one
/// that created it.
/// </summary>
internal static class ClientEndpoints
{
    public static async Task<IResult> CreateAsync(string organizationId, HttpRequest request, EmulatorStore store)
    {
        if (store.GetOrganization(organizationId) is null)
        {
            return EmulatorResults.NotFound("organization", organizationId);
        }

        var (body, error) = await EmulatorResults.ReadBodyAsync<ClientRequest>(request);
        if (error is not null)
        {
            return error;
        }

        var (spec, invalid) = ManagementValidation.Client(body!, existing: null);
        if (invalid is not null)
        {
            return EmulatorResults.Problem(StatusCodes.Status400BadRequest, invalid);
        }

        var (client, plainSecret) = store.CreateClient(organizationId, spec!);
        return EmulatorResults.Json(new { client, plain_secret = plainSecret }, StatusCodes.Status201Created);
    }

    public static IResult List(string organizationId, EmulatorStore store) =>
        store.GetOrganization(organizationId) is null
            ? EmulatorResults.NotFound("organization", organizationId)
            : EmulatorResults.Json(new { clients = store.ListClients(organizationId) });

    public static IResult Get(string organizationId, string clientId, EmulatorStore store) =>
        store.GetClient(organizationId, clientId) is { } client
            ? EmulatorResults.Json(new { client })
            : EmulatorResults.NotFound("API client", clientId);

    public static async Task<IResult> UpdateAsync(string organizationId, string clientId, HttpRequest request, EmulatorStore store)
    {
        if (store.GetClient(organizationId, clientId) is not { } existing)
        {
            return EmulatorResults.NotFound("API client", clientId);
        }

        var (body, error) = await EmulatorResults.ReadBodyAsync<ClientRequest>(request);
        if (error is not null)
        {
            return error;
        }

        var (spec, invalid) = ManagementValidation.Client(body!, existing);
        if (invalid is not null)
        {
            return EmulatorResults.Problem(StatusCodes.Status400BadRequest, invalid);
        }

        return store.UpdateClient(organizationId, clientId, spec!) is { } client
            ? EmulatorResults.Json(new { client })
            : EmulatorResults.NotFound("API client", clientId);
    }

    public static IResult Delete(string organizationId, string clientId, EmulatorStore store) =>
        store.DeleteClient(organizationId, clientId)
            ? EmulatorResults.Json(new { })
            : EmulatorResults.NotFound("API client", clientId);

    public static IResult AddSecret(string organizationId, string clientId, EmulatorStore store) =>
        store.AddSecret(organizationId, clientId) is { } added
            ? EmulatorResults.Json(new { plain_secret = added.PlainSecret, secret = added.Secret }, StatusCodes.Status201Created)
            : EmulatorResults.NotFound("API client", clientId);

    public static IResult RevokeSecret(string organizationId, string clientId, string secretId, EmulatorStore store) =>
        store.RevokeSecret(organizationId, clientId, secretId)
            ? EmulatorResults.Json(new { })
            : EmulatorResults.NotFound("secret", secretId);
}
