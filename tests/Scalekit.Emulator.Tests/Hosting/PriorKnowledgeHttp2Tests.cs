using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Scalekit.Emulator.Tests.Framework;

namespace Scalekit.Emulator.Tests.Hosting;

/// <summary>
/// One http:// address serves HTTP/1.1 and HTTP/2 with prior knowledge (h2c), as Scalekit's SDKs need: their token and
/// key requests use HTTP/1.1, their management calls gRPC over HTTP/2.
/// </summary>
public sealed class PriorKnowledgeHttp2Tests(SharedEmulator shared) : SharedEmulatorTest(shared)
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData("1.1")]
    [InlineData("2.0")]
    public async Task The_same_address_answers_each_http_version(string version)
    {
        // Arrange
        using var http = new HttpClient { DefaultRequestVersion = Version.Parse(version), DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };

        // Act
        using var response = await http.GetAsync(Emulator.Address + "/keys");

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Version.Should().Be(Version.Parse(version));
    }

    [Fact]
    public async Task A_token_requested_over_http2_names_the_http_address_as_its_issuer()
    {
        // Arrange
        using var http = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };

        // Act
        using var response = await http.PostAsync(Emulator.Address + "/oauth/token", TestEmulator.Form(Client.ClientId, Client.PlainSecret));

        // Assert
        var json = await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        new JsonWebToken(json.GetProperty("access_token").GetString()).Issuer.Should().Be(Emulator.Address);
    }

    [Fact]
    public async Task An_http1_request_shorter_than_the_http2_preface_is_answered_at_once()
    {
        // Act
        var answer = await SendRawAsync("GET /keys HTTP/1.0\r\n\r\n"u8.ToArray(), close: false);

        // Assert
        answer.Should().StartWith("HTTP/1.1 200");
    }

    [Fact]
    public async Task A_connection_that_starts_like_the_preface_but_is_not_http2_is_answered_as_http1()
    {
        // Act
        var answer = await SendRawAsync("PRI * HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"u8.ToArray(), close: false);

        // Assert
        answer.Should().StartWith("HTTP/1.1 4", "HTTP/1.1 reads it as a request it cannot serve");
    }

    [Fact]
    public async Task A_connection_closed_halfway_through_the_preface_leaves_the_emulator_serving()
    {
        // Act
        await SendRawAsync("PRI * HTTP/2.0\r\n"u8.ToArray(), close: true);

        // Assert
        using var response = await Emulator.Http.GetAsync("/keys");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    /// <summary>Writes <paramref name="bytes"/> on a new connection and reads what comes back until the server closes or the timeout.</summary>
    private async Task<string> SendRawAsync(byte[] bytes, bool close)
    {
        var address = new Uri(Emulator.Address);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, address.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(bytes);
        if (close)
        {
            tcp.Client.Shutdown(SocketShutdown.Send);
            tcp.Close();
            return "";
        }

        using var timeout = new CancellationTokenSource(ReadTimeout);
        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer, timeout.Token);
        return Encoding.ASCII.GetString(buffer, 0, read);
    }
}
