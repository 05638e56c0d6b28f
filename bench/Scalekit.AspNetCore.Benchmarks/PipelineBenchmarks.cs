using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;

namespace Scalekit.AspNetCore.Benchmarks;

/// <summary>
/// One whole request through the application's pipeline (routing, the authentication and authorization middleware,
/// the endpoint) in process, without sockets: <c>GET /hello</c> answering <c>ok</c>, the same token every time on a
/// kept-alive connection, as <c>bench/load.sh</c> sends it. <see cref="PipelineVariant.None"/> is the baseline; the
/// difference is what protecting the endpoint costs per request, the middleware included.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private PipelineHost _host = null!;

    [Params(PipelineVariant.None, PipelineVariant.Floor, PipelineVariant.Scalekit, PipelineVariant.ScalekitScope, PipelineVariant.ScalekitScopeViaAuthorizationService)]
    public PipelineVariant Variant { get; set; }

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        _host = await PipelineHost.StartAsync(Variant);
        var status = await _host.SendAsync();
        if (status != StatusCodes.Status200OK)
        {
            throw new InvalidOperationException($"{Variant}: the warm-up request was answered {status}");
        }
    }

    [Benchmark(Description = "GET /hello")]
    public Task<int> Request() => _host.SendAsync();

    [GlobalCleanup]
    public ValueTask CleanUpAsync() => _host.DisposeAsync();
}
