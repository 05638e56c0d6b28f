// Calls a Scalekit-protected API every 5 seconds with a client-credentials token.
// Run: SCALEKIT_ENVIRONMENT_URL=… SCALEKIT_CLIENT_ID=m2morg_… SCALEKIT_CLIENT_SECRET=… dotnet run
var builder = Host.CreateApplicationBuilder(args);

builder.Services.AddHttpClient<DeploymentsClient>(c =>
        c.BaseAddress = new Uri(builder.Configuration["DeploymentsApi:BaseAddress"] ?? "http://127.0.0.1:5201"))
    .AddScalekitClientCredentials();   // SCALEKIT_ENVIRONMENT_URL, SCALEKIT_CLIENT_ID, SCALEKIT_CLIENT_SECRET
builder.Services.AddHostedService<Poller>();

await builder.Build().RunAsync();

/// <summary>The API's client: it knows nothing about tokens.</summary>
public sealed class DeploymentsClient(HttpClient http)
{
    public Task<string> ListAsync(CancellationToken cancellationToken) => http.GetStringAsync("api/deployments", cancellationToken);
}

/// <summary>Lists the deployments every 5 seconds and logs what the API answered.</summary>
public sealed class Poller(DeploymentsClient deployments, ILogger<Poller> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                logger.LogInformation("Deployments: {Deployments}", await deployments.ListAsync(stoppingToken));
            }
            catch (HttpRequestException ex)
            {
                logger.LogWarning("The API could not be called: {Error}", ex.Message);
            }

            await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
        }
    }
}
