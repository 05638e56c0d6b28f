using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Scalekit.Emulator.Protos.Clients;
using static Scalekit.Emulator.Management.GrpcResults;
using ClientSecret = Scalekit.Emulator.Protos.Clients.ClientSecret;
using CustomClaim = Scalekit.Emulator.Protos.Clients.CustomClaim;

namespace Scalekit.Emulator.Clients;

/// <summary>
/// The organization-client methods of <c>scalekit.v1.clients.ClientService</c>, as Scalekit's SDKs call them
/// (<c>Protos/scalekit/v1/clients/clients.proto</c>); the others answer <c>UNIMPLEMENTED</c>. proto3 cannot tell an
/// absent field from an empty one, so an update keeps every field left at its default.
/// </summary>
internal sealed class ClientGrpcService(ClientOperations clients) : ClientService.ClientServiceBase
{
    public override Task<CreateOrganizationClientResponse> CreateOrganizationClient(CreateOrganizationClientRequest request, ServerCallContext context)
    {
        var (client, plainSecret) = Unwrap(clients.Create(request.OrganizationId, Fields(request.Client)));
        return Task.FromResult(new CreateOrganizationClientResponse { Client = Message(client), PlainSecret = plainSecret });
    }

    public override Task<GetOrganizationClientResponse> GetOrganizationClient(GetOrganizationClientRequest request, ServerCallContext context) =>
        Task.FromResult(new GetOrganizationClientResponse { Client = Message(Unwrap(clients.Get(request.OrganizationId, request.ClientId))) });

    public override Task<UpdateOrganizationClientResponse> UpdateOrganizationClient(UpdateOrganizationClientRequest request, ServerCallContext context) =>
        Task.FromResult(new UpdateOrganizationClientResponse
        {
            Client = Message(Unwrap(clients.Update(request.OrganizationId, request.ClientId, Fields(request.Client)))),
        });

    public override Task<Empty> DeleteOrganizationClient(DeleteOrganizationClientRequest request, ServerCallContext context)
    {
        Unwrap(clients.Delete(request.OrganizationId, request.ClientId));
        return Task.FromResult(new Empty());
    }

    public override Task<ListOrganizationClientsResponse> ListOrganizationClients(ListOrganizationClientsRequest request, ServerCallContext context)
    {
        var paging = Management.PageRequest.From(request.PageSize, request.PageToken, ClientOperations.Pages);
        var page = Unwrap(clients.List(request.OrganizationId, paging));
        var response = new ListOrganizationClientsResponse { NextPageToken = page.NextPageToken, PrevPageToken = page.PrevPageToken, TotalSize = (uint)page.Total };
        response.Clients.AddRange(page.Items.Select(Message));
        return Task.FromResult(response);
    }

    public override Task<CreateOrganizationClientSecretResponse> CreateOrganizationClientSecret(CreateOrganizationClientSecretRequest request, ServerCallContext context)
    {
        var (secret, plainSecret) = Unwrap(clients.AddSecret(request.OrganizationId, request.ClientId));
        return Task.FromResult(new CreateOrganizationClientSecretResponse { Secret = Message(secret), PlainSecret = plainSecret });
    }

    public override Task<Empty> DeleteOrganizationClientSecret(DeleteOrganizationClientSecretRequest request, ServerCallContext context)
    {
        Unwrap(clients.RevokeSecret(request.OrganizationId, request.ClientId, request.SecretId));
        return Task.FromResult(new Empty());
    }

    private static ClientFields Fields(OrganizationClient? client) => client is null
        ? new ClientFields()
        : new ClientFields(
            client.Name.Length > 0 ? client.Name : null,
            client.Description.Length > 0 ? client.Description : null,
            client.CustomClaims.Count > 0 ? client.CustomClaims.Select(c => new Storage.CustomClaim(c.Key, c.Value)).ToList() : null,
            client.Scopes.Count > 0 ? [.. client.Scopes] : null,
            client.Audience.Count > 0 ? [.. client.Audience] : null,
            client.Expiry != 0 ? client.Expiry : null);

    private static M2MClient Message(Storage.ApiClient client)
    {
        var message = new M2MClient
        {
            ClientId = client.ClientId,
            Name = client.Name,
            Description = client.Description,
            OrganizationId = client.OrganizationId,
            CreateTime = Time(client.CreateTime),
            UpdateTime = Time(client.UpdateTime),
            Expiry = client.Expiry,
        };
        message.Secrets.AddRange(client.Secrets.Select(Message));
        message.Scopes.AddRange(client.Scopes);
        message.Audience.AddRange(client.Audience);
        message.CustomClaims.AddRange(client.CustomClaims.Select(c => new CustomClaim { Key = c.Key, Value = c.Value }));
        return message;
    }

    private static ClientSecret Message(Storage.ClientSecret secret)
    {
        var message = new ClientSecret
        {
            Id = secret.Id,
            CreateTime = Time(secret.CreateTime),
            UpdateTime = Time(secret.UpdateTime),
            SecretSuffix = secret.SecretSuffix,
            Status = secret.Status == "ACTIVE" ? ClientSecretStatus.Active : ClientSecretStatus.Inactive,
        };
        if (secret.LastUsedTime is { } lastUsed)
        {
            message.LastUsedTime = Time(lastUsed);
        }

        return message;
    }
}
