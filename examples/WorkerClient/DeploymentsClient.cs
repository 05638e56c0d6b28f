using System.Net.Http.Json;

namespace WorkerClient;

/// <summary>A deployment as <c>GET /api/deployments</c> lists it (the fields this worker reads).</summary>
public sealed record DeploymentSummary(string Id, string Application, string Version, string Status);

/// <summary>
/// A typed client of the deployments API. It knows nothing about tokens: the handler added by
/// <c>.AddScalekitClientCredentials()</c> attaches, caches, refreshes and retries them.
/// </summary>
public sealed class DeploymentsClient(HttpClient http)
{
    public async Task<IReadOnlyList<DeploymentSummary>> ListAsync(CancellationToken cancellationToken) =>
        await http.GetFromJsonAsync<List<DeploymentSummary>>("api/deployments", cancellationToken) ?? [];
}
