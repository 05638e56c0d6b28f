using System.Net;
using System.Net.Sockets;
using Scalekit.Emulator.Tests.Framework;

namespace Scalekit.Emulator.Tests.Hosting;

/// <summary>
/// A connection that sends part of the HTTP/2 preface and stalls is closed after the preface timeout: before a protocol
/// is chosen, Kestrel's own timeouts do not run, so without it such a connection would be held forever.
/// </summary>
public sealed class PrefaceTimeoutTests : IAsyncLifetime
{
    private static readonly TimeSpan PrefaceTimeout = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(20);
    private KestrelEmulatorApp _app = null!;

    public async Task InitializeAsync() =>
        _app = await KestrelEmulatorApp.StartAsync(kestrel => kestrel.UseScalekitEmulatorProtocols(PrefaceTimeout).Listen(IPAddress.Loopback, 0));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Whether the server ends the connection (end of stream or reset) before <see cref="HangGuard"/>.</summary>
    private static async Task<bool> IsClosedAsync(NetworkStream stream)
    {
        using var guard = new CancellationTokenSource(HangGuard);
        try
        {
            return await stream.ReadAsync(new byte[64], guard.Token) == 0;
        }
        catch (IOException)
        {
            return true;
        }
    }

    [Fact]
    public async Task A_connection_stalled_inside_the_preface_is_closed()
    {
        // Arrange
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, _app.Port);
        var stream = tcp.GetStream();

        // Act
        await stream.WriteAsync("PRI * HTTP/2.0\r\n"u8.ToArray());

        // Assert
        (await IsClosedAsync(stream)).Should().BeTrue("the server closes (or resets) the connection");
    }

    [Fact]
    public async Task A_connection_stalled_before_sending_anything_is_closed()
    {
        // Arrange
        using var tcp = new TcpClient();

        // Act
        await tcp.ConnectAsync(IPAddress.Loopback, _app.Port);

        // Assert
        (await IsClosedAsync(tcp.GetStream())).Should().BeTrue("the server closes (or resets) the connection");
    }

    [Fact]
    public async Task A_connection_that_sends_the_whole_preface_is_served_as_http2()
    {
        // Arrange
        using var http = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };

        // Act
        using var response = await http.GetAsync($"http://127.0.0.1:{_app.Port}/keys");

        // Assert
        response.Version.Should().Be(HttpVersion.Version20);
    }
}
