using System.Text.Json;
using Scalekit.AspNetCore.Tests.Framework;
using Scalekit.Emulator;

namespace Scalekit.AspNetCore.Tests.ApiKeys;

/// <summary>
/// A key that Scalekit's official Node SDK created (<c>token.createToken</c>, in
/// <c>tests/Scalekit.Emulator.NodeSdk/scripts/create-api-key.js</c>) is accepted by the .NET API, with what the SDK gave it.
/// </summary>
public sealed class NodeSdkApiKeyTests
{
    [NodeSdkFact]
    public async Task A_key_the_Node_SDK_created_is_accepted_with_its_organization_user_and_custom_claims()
    {
        // Arrange
        NodeSdkFactAttribute.MissingReason.Should().BeNull();
        await using var emulator = await ScalekitEmulatorHost.StartAsync();
        await using var host = await ApiKeyHost.StartAsync(emulator: emulator);
        var (exitCode, output, error, timedOut) = await ChildProcess.RunAsync(
            NodeSdkFactAttribute.Node!,
            ["scripts/create-api-key.js"],
            NodeSdkFactAttribute.Folder,
            new Dictionary<string, string?>
            {
                ["SCALEKIT_ENVIRONMENT_URL"] = emulator.EnvironmentUrl,
                ["SCALEKIT_CLIENT_ID"] = emulator.EnvironmentClientId,
                ["SCALEKIT_CLIENT_SECRET"] = emulator.EnvironmentClientSecret,
                ["NODE_TEST_CONTEXT"] = null,
            },
            TimeSpan.FromSeconds(60));
        (timedOut, exitCode).Should().Be((false, 0), error);
        using var created = JsonDocument.Parse(output);
        var key = created.RootElement;

        // Act
        using var response = await host.GetAsync("/min/me", key.GetProperty("token").GetString()!);

        // Assert
        var caller = await response.ReadOkJsonAsync<KeyCallerSnapshot>();
        caller.Kind.Should().Be(ScalekitCallerKind.ApiKey);
        caller.ApiKeyId.Should().Be(key.GetProperty("tokenId").GetString());
        caller.OrganizationId.Should().Be(key.GetProperty("organizationId").GetString());
        caller.OrganizationExternalId.Should().Be(key.GetProperty("organizationExternalId").GetString());
        caller.UserId.Should().Be("usr_node_sdk");
        caller.CustomClaims.Should().BeEquivalentTo(new Dictionary<string, string> { ["plan"] = "enterprise", ["created_by"] = "node-sdk" });
    }
}
