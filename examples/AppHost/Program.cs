// examples/AppHost: the Scalekit emulator, MinimalApi and WorkerClient in one Aspire AppHost (docs/aspire.md).
//   dotnet run --project examples/AppHost          prints the dashboard's address and login link
var builder = DistributedApplication.CreateBuilder(args);

// In this repository the emulator runs from its project; elsewhere AddScalekitEmulator("scalekit") alone runs the
// scalekit-emulator .NET tool. Its data stays in examples/AppHost/.scalekit/scalekit.db from one run to the next.
var scalekit = builder.AddScalekitEmulator("scalekit")
    .WithProject<Projects.Scalekit_Emulator>();

// MinimalApi trusts the emulator's tokens: SCALEKIT_ENVIRONMENT_URL. Its health in the dashboard is its readiness
// (/healthz/ready: 503 until its signing keys are fetched), so the worker waits for an API that can validate tokens.
var api = builder.AddProject<Projects.MinimalApi>("api")
    .WithReference(scalekit)
    .WaitFor(scalekit)
    .WithHttpHealthCheck("/healthz/ready");

// The worker registers its own API client at start-up with the environment client, given as Scalekit:Management
// because its SCALEKIT_CLIENT_ID would be that API client's id; then it polls GET /api/deployments with its tokens.
builder.AddProject<Projects.WorkerClient>("worker")
    .WithScalekitManagement(scalekit, configurationSection: "Scalekit:Management")
    .WithEnvironment("DeploymentsApi__BaseAddress", api.GetEndpoint("http"))
    .WithEnvironment("DeploymentsApi__RegisterOnStart", "true")
    .WaitFor(scalekit)
    .WaitFor(api);

builder.Build().Run();
