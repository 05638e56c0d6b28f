using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Scalekit.Aspire.Hosting.Tests.EndToEnd;

/// <summary>
/// examples/AppHost started once through DCP, Aspire's orchestrator, with the emulator's database in memory (so no
/// file is left in examples/AppHost): the emulator and MinimalApi healthy, the worker started.
/// </summary>
public sealed class AppHostFixture : IAsyncLifetime
{
    /// <summary>The bound of the whole start: DCP, the emulator's health check, and the two projects.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(45);

    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The AppHost has not started.");

    /// <summary>Every line the worker logged, from its start.</summary>
    public IAsyncEnumerable<IReadOnlyList<LogLine>> WorkerLogs() =>
        App.Services.GetRequiredService<ResourceLoggerService>().WatchAsync(
            App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == "worker"));

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(timeout.Token);
        appHost.CreateResourceBuilder<ScalekitEmulatorResource>("scalekit").WithDatabase(ScalekitEmulatorResource.InMemoryDatabase);
        appHost.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));

        _app = await appHost.BuildAsync(timeout.Token);
        await _app.StartAsync(timeout.Token);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync("scalekit", timeout.Token);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync("api", timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
