using System.Diagnostics;
using BenchmarkDotNet.Running;
using Scalekit.AspNetCore.Benchmarks;

// loop <variant> <seconds>: GET /hello through the in-process pipeline of a PipelineVariant for that long, on one
// thread, then the requests per second: something to attach a profiler to (perf record with DOTNET_PerfMapEnabled=1).
if (args is ["loop", var name, var seconds])
{
    await using var host = await PipelineHost.StartAsync(Enum.Parse<PipelineVariant>(name, ignoreCase: true));
    var until = Stopwatch.StartNew();
    var requests = 0L;
    while (until.Elapsed.TotalSeconds < double.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture))
    {
        for (var i = 0; i < 1000; i++)
        {
            await host.SendAsync();
        }

        requests += 1000;
    }

    Console.WriteLine($"{name}: {requests / until.Elapsed.TotalSeconds:F0} requests/s, {until.Elapsed.TotalMilliseconds * 1000 / requests:F2} µs each");
    return;
}

// Anything else goes to BenchmarkDotNet: --filter '*Validation*', --job short, --list flat, …
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
