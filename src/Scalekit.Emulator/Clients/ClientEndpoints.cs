using Scalekit.Emulator.Internal;
using Scalekit.Emulator.Management;
using Scalekit.Emulator.Storage;

namespace Scalekit.Emulator.Clients;

/// <summary>
/// An organization's API clients and their secrets over REST, on the routes of the RPCs' <c>google.api.http</c>
/// mappings (<c>Protos/scalekit/v1/clients/clients.proto</c>).
/// </summary>
internal static class ClientEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var clients = api.MapGroup("/organizations/{organizationId}/clients");
        clients.MapPost("/", CreateAsync);
        clients.MapGet("/", (string organizationId, HttpRequest request, ClientOperations operations) =>
            EmulatorResults.From(
                operations.List(organizationId, PageRequest.FromQuery(request.Query, ClientOperations.Pages)),
                page => new { clients = page.Items, next_page_token = page.NextPageToken, prev_page_token = page.PrevPageToken, total_size = page.Total }));
        clients.MapGet("/{clientId}", (string organizationId, string clientId, ClientOperations operations) =>
            Answer(operations.Get(organizationId, clientId)));
        clients.MapPatch("/{clientId}", UpdateAsync);
        clients.MapDelete("/{clientId}", (string organizationId, string clientId, ClientOperations operations) =>
            EmulatorResults.From(operations.Delete(organizationId, clientId), _ => new { }));
        clients.MapPost("/{clientId}/secrets", (string organizationId, string clientId, ClientOperations operations) =>
            EmulatorResults.From(operations.AddSecret(organizationId, clientId), added => new { plain_secret = added.PlainSecret, secret = added.Secret }, StatusCodes.Status201Created));
        clients.MapDelete("/{clientId}/secrets/{secretId}", (string organizationId, string clientId, string secretId, ClientOperations operations) =>
            EmulatorResults.From(operations.RevokeSecret(organizationId, clientId, secretId), _ => new { }));
    }

    private static async Task<IResult> CreateAsync(string organizationId, HttpRequest request, ClientOperations operations)
    {
        var (body, error) = await EmulatorResults.ReadBodyAsync<ClientFields>(request);
        return error ?? EmulatorResults.From(operations.Create(organizationId, body!), created => new { client = created.Client, plain_secret = created.PlainSecret }, StatusCodes.Status201Created);
    }

    private static async Task<IResult> UpdateAsync(string organizationId, string clientId, HttpRequest request, ClientOperations operations)
    {
        var (body, error) = await EmulatorResults.ReadBodyAsync<ClientFields>(request);
        return error ?? Answer(operations.Update(organizationId, clientId, body!));
    }

    private static IResult Answer(ManagementResult<ApiClient> result) => EmulatorResults.From(result, client => new { client });
}
