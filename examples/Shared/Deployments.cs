// Shared by the MinimalApi, ControllerApi and AotApi examples (linked into each project).
namespace Examples.Shared;

/// <summary>What <c>GET /healthz</c> answers: <c>{"status":"ok"}</c>.</summary>
public sealed record HealthStatus(string Status);

/// <summary>A deployment the example API keeps in memory.</summary>
public sealed record Deployment(string Id, string Application, string Version, string Status, string RequestedBy, DateTimeOffset CreatedAt);

/// <summary>The body of <c>POST /api/deployments</c>.</summary>
public sealed record DeployRequest(string? Application, string? Version)
{
    public Dictionary<string, string[]>? Validate() =>
        string.IsNullOrWhiteSpace(Application) || string.IsNullOrWhiteSpace(Version)
            ? new() { ["application"] = ["Send {\"application\": \"inventory-service\", \"version\": \"1.4.2\"}."] }
            : null;
}

/// <summary>The body of <c>POST /api/deployments/rollback</c>.</summary>
public sealed record RollbackRequest(string? Application)
{
    public Dictionary<string, string[]>? Validate() =>
        string.IsNullOrWhiteSpace(Application)
            ? new() { ["application"] = ["Send {\"application\": \"inventory-service\"}."] }
            : null;
}

/// <summary>An in-memory list of deployments, seeded with one.</summary>
public sealed class DeploymentStore
{
    private readonly object _gate = new();
    private readonly List<Deployment> _deployments =
    [
        new("dep_1", "inventory-service", "1.4.1", "succeeded", "m2morg_seed", DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture)),
    ];

    public IReadOnlyList<Deployment> List()
    {
        lock (_gate)
        {
            return [.. _deployments];
        }
    }

    public Deployment Add(DeployRequest request, string clientId) =>
        Append(request.Application!, request.Version!, "queued", clientId);

    public Deployment Rollback(RollbackRequest request, string clientId)
    {
        lock (_gate)
        {
            var previous = _deployments.LastOrDefault(d => d.Application == request.Application && d.Status == "succeeded");
            return Append(request.Application!, previous?.Version ?? "unknown", "rolled_back", clientId);
        }
    }

    private Deployment Append(string application, string version, string status, string clientId)
    {
        lock (_gate)
        {
            var deployment = new Deployment($"dep_{_deployments.Count + 1}", application, version, status, clientId, DateTimeOffset.UtcNow);
            _deployments.Add(deployment);
            return deployment;
        }
    }
}

/// <summary>
/// What <c>GET /api/me</c> returns about the caller: an API client's token (<c>kind</c> <c>api_client</c>, with scopes)
/// or an API key (<c>api_key</c>: its id, its organization and, for a user's key, its user; never scopes).
/// </summary>
public sealed record CallerView(
    string Kind,
    string ClientId,
    string? OrganizationId,
    IReadOnlyList<string> Scopes,
    IReadOnlyDictionary<string, string> CustomClaims,
    string? ApiKeyId,
    string? OrganizationExternalId,
    string? UserId)
{
    public static CallerView From(Scalekit.AspNetCore.ScalekitClient client) =>
        new(client.Kind == Scalekit.AspNetCore.ScalekitCallerKind.ApiKey ? "api_key" : "api_client",
            client.ClientId, client.OrganizationId, [.. client.Scopes.Order(StringComparer.Ordinal)], client.CustomClaims,
            client.ApiKeyId, client.OrganizationExternalId, client.UserId);
}
