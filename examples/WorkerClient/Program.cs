using WorkerClient;

// A background service that calls examples/MinimalApi with a Scalekit client-credentials token.
//   dotnet run --project examples/WorkerClient -- register     register an API client, print SCALEKIT_CLIENT_ID/SECRET
//   dotnet run --project examples/WorkerClient                 poll GET /api/deployments every 5 s
//   DeploymentsApi__RegisterOnStart=true                        register a client at start-up, then poll (examples/AppHost)
// Configuration: appsettings.json (Scalekit, DeploymentsApi), then SCALEKIT_ENVIRONMENT_URL / SCALEKIT_CLIENT_ID /
// SCALEKIT_CLIENT_SECRET.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = args.Where(a => a != "register").ToArray(),
    ContentRootPath = AppContext.BaseDirectory,
});

if (args.Contains("register"))
{
    return await RegisterCommand.RunAsync(builder);
}

if (builder.Configuration.GetSection(DeploymentsApiOptions.Section).Get<DeploymentsApiOptions>()?.RegisterOnStart == true)
{
    await RegisterCommand.RegisterOnStartAsync(builder);
}

builder.Services.AddDeploymentsClient(builder.Configuration);
builder.Services.AddHostedService<DeploymentPoller>();
await builder.Build().RunAsync();
return 0;
