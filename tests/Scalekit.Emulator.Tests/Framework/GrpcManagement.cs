using Grpc.Core;
using Grpc.Net.Client;
using Scalekit.Emulator.Protos.Clients;
using Scalekit.Emulator.Protos.Organizations;
using Scalekit.Emulator.Protos.Tokens;

namespace Scalekit.Emulator.Tests.Framework;

/// <summary>
/// The emulator's gRPC management API through Grpc.Net.Client: HTTP/2 with prior knowledge on the emulator's http://
/// address, as Scalekit's SDKs call it. Calls carry an environment-client token unless a test says otherwise.
/// </summary>
public sealed class GrpcManagement : IDisposable
{
    private readonly GrpcChannel _channel;
    private readonly string _token;

    private GrpcManagement(TestEmulator emulator, string token)
    {
        _channel = GrpcChannel.ForAddress(emulator.Address);
        _token = token;
        Organizations = new OrganizationService.OrganizationServiceClient(_channel);
        Clients = new ClientService.ClientServiceClient(_channel);
        Tokens = new ApiTokenService.ApiTokenServiceClient(_channel);
    }

    internal OrganizationService.OrganizationServiceClient Organizations { get; }

    internal ClientService.ClientServiceClient Clients { get; }

    internal ApiTokenService.ApiTokenServiceClient Tokens { get; }

    public CallInvoker Invoker => _channel.CreateCallInvoker();

    /// <summary>The headers of an authorized call.</summary>
    public Metadata Authorized => Bearer(_token);

    public static async Task<GrpcManagement> ConnectAsync(TestEmulator emulator) => new(emulator, await emulator.GetEnvironmentTokenAsync());

    public static Metadata Bearer(string token) => new() { { "authorization", "Bearer " + token } };

    public void Dispose() => _channel.Dispose();
}

/// <summary>Assertions on a gRPC call's outcome.</summary>
public static class GrpcAssertions
{
    /// <summary>The call fails with <paramref name="code"/> and a detail that contains <paramref name="detail"/>.</summary>
    public static async Task<RpcException> ShouldFailWithAsync<T>(this AsyncUnaryCall<T> call, StatusCode code, string detail)
    {
        var thrown = await FluentActions.Awaiting(async () => await call.ResponseAsync).Should().ThrowAsync<RpcException>();
        thrown.Which.StatusCode.Should().Be(code, "the detail was '{0}'", thrown.Which.Status.Detail);
        thrown.Which.Status.Detail.Should().Contain(detail);
        return thrown.Which;
    }
}
