using Scalekit.Client;
using Microsoft.Extensions.Options;

namespace WorkerClient;

/// <summary>Lists the deployments every <see cref="DeploymentsApiOptions.Interval"/> and logs what it sees.</summary>
public sealed partial class DeploymentPoller(DeploymentsClient client, IOptions<DeploymentsApiOptions> options, TimeProvider time, ILogger<DeploymentPoller> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, time);
        do
        {
            await PollOnceAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One poll. A failure (the API or the token endpoint) is logged and the next poll tries again.</summary>
    public async Task<IReadOnlyList<DeploymentSummary>> PollOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var deployments = await client.ListAsync(cancellationToken);
            var latest = deployments.LastOrDefault();
            LogDeployments(deployments.Count, latest?.Application, latest?.Version, latest?.Status);
            return deployments;
        }
        catch (ScalekitTokenException ex)
        {
            LogNoToken(ex.Error, ex.Message);
        }
        catch (HttpRequestException ex)
        {
            LogApiFailed((int?)ex.StatusCode, ex.Message);
        }

        return [];
    }

    [LoggerMessage(1, LogLevel.Information, "{Count} deployment(s); latest: {Application} {Version} ({Status}).")]
    private partial void LogDeployments(int count, string? application, string? version, string? status);

    [LoggerMessage(2, LogLevel.Error, "No Scalekit token ({Error}): {Reason}")]
    private partial void LogNoToken(string? error, string reason);

    [LoggerMessage(3, LogLevel.Warning, "The deployments API failed ({StatusCode}): {Reason}")]
    private partial void LogApiFailed(int? statusCode, string reason);
}
