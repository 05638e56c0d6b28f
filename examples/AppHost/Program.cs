// The emulator, the protected API and the worker that calls it, in one Aspire AppHost:
//   dotnet run --project examples/AppHost
// The emulator runs from src/Scalekit.Emulator here; outside this repository, AddScalekitEmulator("scalekit") alone
// runs the scalekit-emulator .NET tool. Its data is kept in examples/AppHost/.scalekit/scalekit.db.
var builder = DistributedApplication.CreateBuilder(args);

var scalekit = builder.AddScalekitEmulator("scalekit")
    .WithProject<Projects.Scalekit_Emulator>();

// SCALEKIT_ENVIRONMENT_URL: MinimalApi trusts the emulator's tokens.
var api = builder.AddProject<Projects.MinimalApi>("api")
    .WithReference(scalekit)
    .WaitFor(scalekit)
    .WithHttpHealthCheck("/healthz");

// The worker registers its own API client at start-up with the environment client (Scalekit:Management, since it
// also calls the API as that API client), then polls GET /api/deployments with its tokens.
builder.AddProject<Projects.WorkerClient>("worker")
    .WithScalekitManagement(scalekit, configurationSection: "Scalekit:Management")
    .WithEnvironment("DeploymentsApi__BaseAddress", api.GetEndpoint("http"))
    .WithEnvironment("DeploymentsApi__RegisterOnStart", "true")
    .WaitFor(scalekit)
    .WaitFor(api);

builder.Build().Run();
