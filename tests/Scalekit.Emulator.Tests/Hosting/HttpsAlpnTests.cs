using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Scalekit.Emulator.Tests.Framework;

namespace Scalekit.Emulator.Tests.Hosting;

/// <summary>
/// An application hosting the emulator on https with <see cref="ScalekitEmulatorKestrelExtensions.UseScalekitEmulatorProtocols"/>
/// negotiates HTTP/1.1 or HTTP/2 with ALPN; the cleartext preface detection stays out of the way of TLS.
/// </summary>
public sealed class HttpsAlpnTests : IAsyncLifetime
{
    private KestrelEmulatorApp _app = null!;

    public async Task InitializeAsync()
    {
        var certificate = SelfSigned();
        _app = await KestrelEmulatorApp.StartAsync(kestrel => kestrel.UseScalekitEmulatorProtocols().Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("1.1")]
    [InlineData("2.0")]
    public async Task An_https_endpoint_answers_each_http_version_it_negotiates(string version)
    {
        // Arrange
        using var handler = new SocketsHttpHandler { SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true } };
        using var http = new HttpClient(handler) { DefaultRequestVersion = Version.Parse(version), DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };

        // Act
        using var response = await http.GetAsync(_app.Address + "/keys");

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Version.Should().Be(Version.Parse(version));
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }
}
