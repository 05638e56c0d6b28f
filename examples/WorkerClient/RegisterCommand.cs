using Microsoft.Extensions.Options;
using Scalekit.Client.Management;

namespace WorkerClient;

/// <summary>
/// <c>dotnet run --project examples/WorkerClient -- register</c>: registers this worker as an API client (Scalekit's "Add auth to your APIs" guide)
/// with the environment client of <c>Scalekit:Management</c> (the emulator's by default), and prints the two variables
/// to export. The secret is shown this once, as Scalekit's view-once page would.
/// </summary>
public static class RegisterCommand
{
    public static async Task<int> RunAsync(HostApplicationBuilder builder)
    {
        builder.Services.Configure<DeploymentsApiOptions>(builder.Configuration.GetSection(DeploymentsApiOptions.Section));
        builder.Services.AddScalekitManagementClient();
        using var host = builder.Build();
        var management = host.Services.GetRequiredService<ScalekitManagementClient>();
        var audience = host.Services.GetRequiredService<IOptions<DeploymentsApiOptions>>().Value.Audience;

        var organization = await management.CreateOrganizationAsync("Worker example");
        var created = await management.CreateClientAsync(organization.Id, new ScalekitApiClientRequest
        {
            Name = "Deployments worker",
            Description = "examples/WorkerClient: polls GET /api/deployments",
            Scopes = ["read:deployments"],
            Audience = [audience],
            Expiry = 3600,
        });

        Console.WriteLine($"Registered API client {created.Client.ClientId} in organization {organization.Id}. Run the worker with:");
        Console.WriteLine();
        Console.WriteLine($"export SCALEKIT_CLIENT_ID={created.Client.ClientId}");
        Console.WriteLine($"export SCALEKIT_CLIENT_SECRET={created.PlainSecret}");
        return 0;
    }
}
