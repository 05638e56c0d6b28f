using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Scalekit.Emulator.Tests.Framework;

namespace Scalekit.Emulator.Tests.Hosting;

/// <summary>
/// An application that hosts the emulator with <see cref="ScalekitEmulatorKestrelExtensions.UseScalekitEmulatorProtocols"/>
/// sees cleartext HTTP/2 requests as cleartext: no TLS feature, scheme http, and a client's <c>:scheme https</c> refused,
/// so https-only checks, Secure cookies and HSTS keep working on its own endpoints.
/// </summary>
public sealed class CleartextSchemeTests : IAsyncLifetime
{
    private KestrelEmulatorApp _app = null!;

    public async Task InitializeAsync() => _app = await KestrelEmulatorApp.StartAsync(
        kestrel => kestrel.UseScalekitEmulatorProtocols().Listen(IPAddress.Loopback, 0),
        app => app.MapGet("/probe", (HttpContext context) =>
            $"{context.Request.Protocol}|{context.Request.Scheme}|{context.Request.IsHttps}|{context.Features.Get<ITlsConnectionFeature>() is not null}"));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_cleartext_http2_request_sees_no_tls_and_the_http_scheme()
    {
        // Act
        var (body, outcome) = await RawHttp2.SendAsync(_app.Port, Headers("http", "/probe"));

        // Assert
        outcome.Should().Be("ok");
        body.Should().Be("HTTP/2|http|False|False");
    }

    [Theory]
    [InlineData("https")]
    [InlineData("ftp")]
    public async Task A_cleartext_http2_request_that_claims_another_scheme_is_refused(string scheme)
    {
        // Act
        var (_, outcome) = await RawHttp2.SendAsync(_app.Port, Headers(scheme, "/probe"));

        // Assert
        outcome.Should().Be("RST_STREAM 1", "Kestrel refuses a :scheme other than the connection's (PROTOCOL_ERROR)");
    }

    private IEnumerable<(string, string)> Headers(string scheme, string path) =>
        [(":method", "GET"), (":scheme", scheme), (":path", path), (":authority", $"127.0.0.1:{_app.Port}")];
}
