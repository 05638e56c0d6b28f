using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Scalekit.Client.Management;
using Scalekit.Client.Tests.Framework;

namespace Scalekit.Client.Tests.Logging;

/// <summary>
/// Everything logged at Trace, by this library and the HttpClient stack under it, is free of secrets and tokens. One
/// exception, the framework's own: HttpClientFactory's Trace "Request Headers" event of the application's HttpClient
/// redacts its message but carries the raw header values in its structured state (README: Logs).
/// </summary>
public sealed class SecretHygieneTests(ClientEnvironment environment) : IClassFixture<ClientEnvironment>
{
    [Fact]
    public async Task Client_secrets_and_access_tokens_are_never_logged()
    {
        // Arrange: a token, a call, a refused token with its refresh, and a refused secret
        var credentials = await environment.RegisterClientAsync();
        await using var services = ClientServices.Create(environment, credentials);
        var client = services.CreateClient();
        (await client.GetAsync("api/deployments")).Dispose();
        var first = environment.Api.Requests.Last().BearerToken!;
        environment.Api.Refuse(first);

        // Act
        (await client.GetAsync("api/deployments")).Dispose();
        var second = environment.Api.Requests.Last().BearerToken!;
        await using var wrong = ClientServices.Create(environment, credentials with { Secret = "a-mistyped-secret-7c1e" },
            o => o.ClientAuthentication = ScalekitClientAuthentication.ClientSecretBasic);
        await FluentActions.Awaiting(() => wrong.Tokens.GetTokenAsync(ClientServices.Name)).Should().ThrowAsync<ScalekitTokenException>();

        // Assert
        var logged = Everything(services.Logs).Concat(Everything(wrong.Logs)).ToList();
        logged.Should().Contain(l => l.Contains("TokenRejectedByApi", StringComparison.Ordinal), "the refresh path was exercised");
        logged.Should().NotContain(l => l.Contains(credentials.Secret, StringComparison.Ordinal)
                                        || l.Contains("a-mistyped-secret-7c1e", StringComparison.Ordinal)
                                        || l.Contains(first, StringComparison.Ordinal)
                                        || l.Contains(second, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Plain_secrets_of_created_clients_and_added_secrets_are_never_logged()
    {
        // Arrange
        await using var provider = new ServiceCollection()
            .AddLogging(b => b.AddFakeLogging().SetMinimumLevel(LogLevel.Trace))
            .AddScalekitManagementClient(o =>
            {
                o.EnvironmentUrl = environment.Proxy.Url;
                o.ClientId = environment.Emulator.EnvironmentClientId;
                o.ClientSecret = environment.Emulator.EnvironmentClientSecret;
            }).Services.BuildServiceProvider();
        var management = provider.GetRequiredService<ScalekitManagementClient>();

        // Act
        var created = await management.CreateClientAsync(environment.OrganizationId, new ScalekitApiClientRequest { Name = "Logged?" });
        var added = await management.AddSecretAsync(environment.OrganizationId, created.Client.ClientId);
        await management.RevokeSecretAsync(environment.OrganizationId, created.Client.ClientId, created.Client.Secrets![0].Id);

        // Assert
        var logged = Everything(provider.GetFakeLogCollector()).ToList();
        logged.Should().Contain(l => l.Contains("ClientSecretAdded", StringComparison.Ordinal));
        logged.Should().NotContain(l => l.Contains(created.PlainSecret, StringComparison.Ordinal)
                                        || l.Contains(added.PlainSecret, StringComparison.Ordinal)
                                        || l.Contains(environment.Emulator.EnvironmentClientSecret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Plain_API_keys_are_never_logged()
    {
        // Arrange
        await using var host = await ManagementHost.StartAsync();
        var organization = await host.Management.CreateOrganizationAsync("Logged keys?");
        const string Unknown = "skapi_an-unknown-key-that-someone-presented-4711";

        // Act: create, validate, refuse, update and invalidate by the key itself
        var created = await host.Management.CreateApiKeyAsync(organization.Id, new ScalekitApiKeyRequest { Description = "Logged?" });
        await host.Management.ValidateApiKeyAsync(created.PlainKey);
        await host.Management.ValidateApiKeyAsync(Unknown);
        await host.Management.UpdateApiKeyAsync(created.PlainKey, description: "Still logged?");
        await host.Management.InvalidateApiKeyAsync(created.PlainKey);
        await host.Management.ValidateApiKeyAsync(created.PlainKey);

        // Assert
        var logged = Everything(host.Logs).ToList();
        logged.Should().Contain(l => l.Contains("ApiKeyCreated", StringComparison.Ordinal) && l.Contains(created.ApiKey.Id, StringComparison.Ordinal));
        logged.Should().Contain(l => l.Contains("ApiKeyInvalidated", StringComparison.Ordinal) && l.Contains("ending in " + created.ApiKey.KeySuffix, StringComparison.Ordinal));
        logged.Should().Contain(l => l.Contains("ApiKeyRefused", StringComparison.Ordinal));
        logged.Should().NotContain(l => l.Contains(created.PlainKey, StringComparison.Ordinal) || l.Contains(Unknown, StringComparison.Ordinal));
    }

    /// <summary>Each record as text: event name, message, structured values (but see the class remarks), scopes and exception.</summary>
    private static IEnumerable<string> Everything(FakeLogCollector logs) =>
        logs.GetSnapshot().Select(r => string.Join(" | ",
            new[] { r.Category, r.Id.Name, r.Message, r.Exception?.ToString() }
                .Concat(IsApplicationHeaderDump(r) ? [] : r.StructuredState?.Select(p => $"{p.Key}={p.Value}") ?? [])
                .Concat(r.Scopes.Select(s => s?.ToString()))));

    private static bool IsApplicationHeaderDump(FakeLogRecord record) =>
        record.Category == $"System.Net.Http.HttpClient.{ClientServices.Name}.ClientHandler" && record.Id.Name == "RequestHeader";
}
