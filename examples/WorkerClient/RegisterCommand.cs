using Microsoft.Extensions.Options;
using Scalekit.Client.Management;

namespace WorkerClient;

/// <summary>
/// Registers this worker as an API client (Scalekit's "Add auth to your APIs" guide) with the environment client of
/// <c>Scalekit:Management</c> (the emulator's by default). Two ways:
/// <list type="bullet">
/// <item><c>dotnet run --project examples/WorkerClient -- register</c> prints the two variables to export; the secret
/// is shown this once, as Scalekit's view-once page would.</item>
/// <item><c>DeploymentsApi:RegisterOnStart=true</c> (examples/AppHost sets it) registers at every start and uses the
/// new client at once, replacing the one the previous start registered.</item>
/// </list>
/// </summary>
public static class RegisterCommand
{
    /// <summary>The organization (by external id) that holds the clients registered at start-up.</summary>
    public const string OnStartOrganizationExternalId = "examples-workerclient";

    /// <summary>The name of the client registered at start-up.</summary>
    public const string OnStartClientName = "Deployments worker (registered at start-up)";

    public static async Task<int> RunAsync(HostApplicationBuilder builder)
    {
        builder.Services.Configure<DeploymentsApiOptions>(builder.Configuration.GetSection(DeploymentsApiOptions.Section));
        builder.Services.AddScalekitManagementClient();
        using var host = builder.Build();
        var management = host.Services.GetRequiredService<ScalekitManagementClient>();
        var audience = host.Services.GetRequiredService<IOptions<DeploymentsApiOptions>>().Value.Audience;

        var organization = await management.CreateOrganizationAsync("Worker example");
        var created = await management.CreateClientAsync(organization.Id, ClientRequest("Deployments worker", audience));

        Console.WriteLine($"Registered API client {created.Client.ClientId} in organization {organization.Id}. Run the worker with:");
        Console.WriteLine();
        Console.WriteLine($"export SCALEKIT_CLIENT_ID={created.Client.ClientId}");
        Console.WriteLine($"export SCALEKIT_CLIENT_SECRET={created.PlainSecret}");
        return 0;
    }

    /// <summary>
    /// Registers a client in the <see cref="OnStartOrganizationExternalId"/> organization, deletes the ones earlier
    /// starts registered there, and puts the new id and secret in <c>Scalekit:Client</c> for the worker to use.
    /// </summary>
    public static async Task RegisterOnStartAsync(HostApplicationBuilder builder, CancellationToken cancellationToken = default)
    {
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(builder.Configuration);
        services.AddScalekitManagementClient();
        await using var provider = services.BuildServiceProvider();
        var management = provider.GetRequiredService<ScalekitManagementClient>();
        var audience = builder.Configuration.GetSection(DeploymentsApiOptions.Section).Get<DeploymentsApiOptions>()?.Audience ?? new DeploymentsApiOptions().Audience;

        var organization = await FirstOrDefaultAsync(management.ListOrganizationsAsync(externalId: OnStartOrganizationExternalId, cancellationToken: cancellationToken))
                           ?? await management.CreateOrganizationAsync("Worker example (registered at start-up)", OnStartOrganizationExternalId, cancellationToken);
        var earlier = await management.ListClientsAsync(organization.Id, cancellationToken: cancellationToken).Where(c => c.Name == OnStartClientName).ToListAsync(cancellationToken);
        foreach (var client in earlier)
        {
            await management.DeleteClientAsync(organization.Id, client.ClientId, cancellationToken);
        }

        var created = await management.CreateClientAsync(organization.Id, ClientRequest(OnStartClientName, audience), cancellationToken);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Scalekit:Client:ClientId"] = created.Client.ClientId,
            ["Scalekit:Client:ClientSecret"] = created.PlainSecret,
        });
    }

    private static ScalekitApiClientRequest ClientRequest(string name, string audience) => new()
    {
        Name = name,
        Description = "examples/WorkerClient: polls GET /api/deployments",
        Scopes = ["read:deployments"],
        Audience = [audience],
        Expiry = 3600,
    };

    private static async Task<T?> FirstOrDefaultAsync<T>(IAsyncEnumerable<T> items)
    {
        await foreach (var item in items)
        {
            return item;
        }

        return default;
    }
}
