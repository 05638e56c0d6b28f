using Grpc.Core;
using Scalekit.Emulator.Protos.Organizations;
using Scalekit.Emulator.Tests.Framework;

namespace Scalekit.Emulator.Tests.Grpc;

/// <summary>
/// The gRPC management API takes the REST API's guard: an environment-client token, or <c>UNAUTHENTICATED</c>, upon which
/// Scalekit's SDKs fetch a token and call again.
/// </summary>
public sealed class ManagementGrpcAuthenticationTests(SharedEmulator shared) : SharedEmulatorTest(shared), IDisposable
{
    private GrpcManagement _grpc = null!;

    public void Dispose() => _grpc?.Dispose();

    protected override async Task ArrangeAsync() => _grpc = await GrpcManagement.ConnectAsync(Emulator);

    [Fact]
    public async Task A_call_without_a_token_is_unauthenticated_and_says_how_to_get_one()
    {
        // Act + Assert
        await _grpc.Organizations.ListOrganizationAsync(new ListOrganizationsRequest())
            .ShouldFailWithAsync(StatusCode.Unauthenticated, "POST /oauth/token with SCALEKIT_CLIENT_ID and SCALEKIT_CLIENT_SECRET");
    }

    [Fact]
    public async Task A_call_with_an_api_client_token_is_unauthenticated()
    {
        // Arrange
        var token = await Emulator.GetAccessTokenAsync(Client);

        // Act + Assert
        await _grpc.Organizations.ListOrganizationAsync(new ListOrganizationsRequest(), GrpcManagement.Bearer(token))
            .ShouldFailWithAsync(StatusCode.Unauthenticated, "needs a token of the environment client");
    }

    [Fact]
    public async Task A_call_with_an_environment_token_succeeds()
    {
        // Act
        var response = await _grpc.Organizations.ListOrganizationAsync(new ListOrganizationsRequest(), _grpc.Authorized);

        // Assert
        response.TotalSize.Should().BeGreaterThan(0);
    }
}
