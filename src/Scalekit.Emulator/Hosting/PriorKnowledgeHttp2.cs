using System.Buffers;
using System.IO.Pipelines;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;

namespace Scalekit.Emulator.Hosting;

/// <summary>
/// HTTP/1.1 and HTTP/2 with prior knowledge (h2c, RFC 9113 §3.3) on one cleartext endpoint, which Kestrel does not
/// offer yet (dotnet/aspnetcore#56984): a connection that opens with the 24-byte HTTP/2 preface is marked as if ALPN
/// had chosen <c>h2</c>, every other connection is left to HTTP/1.1. Nothing is consumed from the connection. A
/// connection that sends part of the preface and stalls is closed after a timeout: Kestrel's own timeouts start only
/// once a protocol is chosen.
/// </summary>
internal static class PriorKnowledgeHttp2
{
    private static readonly byte[] Preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8.ToArray();

    /// <summary>How long a connection may take to send what tells HTTP/2 from HTTP/1.1.</summary>
    public static readonly TimeSpan DefaultPrefaceTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The connection middleware; the endpoint must allow <c>Http1AndHttp2</c>.</summary>
    public static Func<ConnectionDelegate, ConnectionDelegate> Middleware(TimeSpan prefaceTimeout) => next => async connection =>
    {
        if (connection.Features.Get<ITlsConnectionFeature>() is not null)
        {
            await next(connection);
            return;
        }

        bool? preface;
        var shutdown = connection.Features.Get<IConnectionLifetimeNotificationFeature>()?.ConnectionClosedRequested ?? CancellationToken.None;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(connection.ConnectionClosed, shutdown))
        {
            timeout.CancelAfter(prefaceTimeout);
            preface = await StartsWithPrefaceAsync(connection, timeout.Token);
        }

        if (preface is null)
        {
            // Nothing, or part of the preface, then a stall, a reset or the server stopping: no protocol can serve it.
            connection.Abort(new ConnectionAbortedException("The connection did not show its protocol in time."));
            return;
        }

        if (preface.Value)
        {
            // Kestrel picks HTTP/2 on a connection whose TLS feature says ALPN chose h2. There is no TLS here: the
            // marker withdraws both TLS features as Kestrel reads the protocol, so requests see a cleartext
            // connection (scheme http, no IsHttps) and Kestrel refuses a client's :scheme https.
            var marker = new Marker(connection.Features);
            connection.Features.Set<ITlsConnectionFeature>(marker);
            connection.Features.Set<ITlsApplicationProtocolFeature>(marker);
            connection.Features.Set(marker);
        }

        await next(connection);
    };

    /// <summary>Whether the request came over a cleartext HTTP/2 connection that this middleware detected.</summary>
    public static bool IsPriorKnowledge(HttpContext context) => context.Features.Get<Marker>() is not null;

    /// <summary>Whether the connection opens with the preface; <see langword="null"/> when it stalled within it.</summary>
    private static async Task<bool?> StartsWithPrefaceAsync(ConnectionContext connection, CancellationToken cancellationToken)
    {
        var input = connection.Transport.Input;
        var head = new byte[Preface.Length];
        while (true)
        {
            ReadResult result;
            try
            {
                result = await input.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ConnectionResetException or ConnectionAbortedException or IOException)
            {
                return null;
            }

            var buffer = result.Buffer;
            var length = (int)Math.Min(buffer.Length, Preface.Length);
            buffer.Slice(0, length).CopyTo(head);
            var matches = head.AsSpan(0, length).SequenceEqual(Preface.AsSpan(0, length));
            if (!matches || length == Preface.Length || result.IsCompleted || result.IsCanceled)
            {
                // Consume nothing: HTTP/1.1 or HTTP/2 reads these bytes again.
                input.AdvanceTo(buffer.Start);
                return matches && length == Preface.Length;
            }

            // A prefix of the preface so far: wait for more bytes.
            input.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>
    /// Says "ALPN chose h2" to Kestrel once, then withdraws: Kestrel reads the TLS feature, then the protocol, when it
    /// selects one (<c>PriorKnowledgeHttp2Tests</c> and <c>CleartextSchemeTests</c> guard that order). It stays in the
    /// features as the mark of a cleartext HTTP/2 connection.
    /// </summary>
    private sealed class Marker(IFeatureCollection features) : ITlsConnectionFeature, ITlsApplicationProtocolFeature
    {
        public X509Certificate2? ClientCertificate { get => null; set { } }

        public ReadOnlyMemory<byte> ApplicationProtocol
        {
            get
            {
                features.Set<ITlsConnectionFeature>(null);
                features.Set<ITlsApplicationProtocolFeature>(null);
                return "h2"u8.ToArray();
            }
        }

        public Task<X509Certificate2?> GetClientCertificateAsync(CancellationToken cancellationToken) => Task.FromResult<X509Certificate2?>(null);
    }
}
