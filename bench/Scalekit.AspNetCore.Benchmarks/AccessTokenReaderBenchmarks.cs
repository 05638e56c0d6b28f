using BenchmarkDotNet.Attributes;
using Scalekit.AspNetCore.Bench;

namespace Scalekit.AspNetCore.Benchmarks;

/// <summary>
/// The strict reading of a token before JwtBearer (<see cref="AccessTokenReader"/>): what a validated-token cache miss
/// pays on top of JwtBearer's own validation, for the bench's Scalekit-shaped RS256 token (one scope).
/// </summary>
[MemoryDiagnoser]
public class AccessTokenReaderBenchmarks
{
    private string _token = null!;

    [GlobalSetup]
    public void SetUp() => _token = new BenchIssuer("https://acme.scalekit.dev").Token();

    [Benchmark(Description = "read header and payload")]
    public string? Read() => AccessTokenReader.Read(_token).Kid;
}
