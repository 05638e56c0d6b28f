using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Scalekit.Client.Management;
using Scalekit.Emulator;

namespace Scalekit.Client.Tests.Framework;

/// <summary>
/// An emulator of its own (empty, optionally on a fake clock) and a management client on it, as an application registers
/// one, with Trace logging and every management request recorded: for tests that count requests or move time.
/// </summary>
public sealed class ManagementHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly ConcurrentQueue<string> _requests;

    private ManagementHost(ScalekitEmulatorHost emulator, ServiceProvider services, ConcurrentQueue<string> requests)
    {
        Emulator = emulator;
        _services = services;
        _requests = requests;
        Management = services.GetRequiredService<ScalekitManagementClient>();
    }

    public ScalekitEmulatorHost Emulator { get; }

    public ScalekitManagementClient Management { get; }

    public FakeLogCollector Logs => _services.GetFakeLogCollector();

    /// <summary>The management requests sent so far, as <c>GET /api/v1/organizations?page_size=10</c>; token requests are not among them.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    public static async Task<ManagementHost> StartAsync(TimeProvider? time = null)
    {
        var emulator = await ScalekitEmulatorHost.StartAsync(time: time);
        var requests = new ConcurrentQueue<string>();
        var services = new ServiceCollection()
            .AddLogging(b => b.AddFakeLogging().SetMinimumLevel(LogLevel.Trace))
            .AddScalekitManagementClient(o =>
            {
                o.EnvironmentUrl = emulator.EnvironmentUrl;
                o.ClientId = emulator.EnvironmentClientId;
                o.ClientSecret = emulator.EnvironmentClientSecret;
                o.TokenRequest.RetryDelay = TimeSpan.FromMilliseconds(2);
                o.TokenRequest.MaxRetryDelay = TimeSpan.FromMilliseconds(20);
            })
            .AddHttpMessageHandler(() => new RequestRecorder(requests))
            .Services.BuildServiceProvider();
        return new ManagementHost(emulator, services, requests);
    }

    /// <summary>The requests sent since <paramref name="before"/> whose path starts with <paramref name="path"/>.</summary>
    public IReadOnlyList<string> RequestsSince(int before, string path) =>
        [.. Requests.Skip(before).Where(r => r[(r.IndexOf(' ', StringComparison.Ordinal) + 1)..].StartsWith(path, StringComparison.Ordinal))];

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Emulator.DisposeAsync();
    }

    /// <summary>Sits between the management client's token handler and the network.</summary>
    private sealed class RequestRecorder(ConcurrentQueue<string> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen.Enqueue($"{request.Method} {request.RequestUri!.PathAndQuery}");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
