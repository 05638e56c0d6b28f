using System.Net;
using System.Text;
using Scalekit.AspNetCore.Bench;

namespace Scalekit.AspNetCore.Benchmarks;

/// <summary>The backchannel of the in-process hosts: answers the JWKS and discovery requests from a <see cref="BenchIssuer"/>, and counts them.</summary>
public sealed class StaticJwksHandler(BenchIssuer issuer) : HttpMessageHandler
{
    private int _requests;

    public int Requests => Volatile.Read(ref _requests);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        var json = request.RequestUri!.AbsolutePath.EndsWith("/keys", StringComparison.Ordinal) ? issuer.Jwks() : issuer.Discovery();
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        });
    }
}
