using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Scalekit.Emulator.Tests.Framework;

/// <summary>A minimal HTTP/2 prior-knowledge client that sends any pseudo-headers (HPACK literals, no Huffman), as HttpClient cannot.</summary>
internal static class RawHttp2
{
    private static readonly byte[] Preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8.ToArray();

    /// <summary>Sends one request; returns the response's DATA (as text) and whether the stream was reset or the connection closed first.</summary>
    public static async Task<(string Body, string Outcome)> SendAsync(int port, IEnumerable<(string Name, string Value)> headers, byte[]? body = null)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        var stream = tcp.GetStream();
        var block = new MemoryStream();
        foreach (var (name, value) in headers)
        {
            block.WriteByte(0x00);
            WriteString(block, name);
            WriteString(block, value);
        }

        var output = new MemoryStream();
        output.Write(Preface);
        WriteFrame(output, 0x4, 0, 0, []);                                                // SETTINGS
        WriteFrame(output, 0x1, (byte)(0x4 | (body is null ? 0x1 : 0)), 1, block.ToArray()); // HEADERS
        if (body is not null)
        {
            for (var offset = 0; offset < body.Length; offset += 16384)
            {
                var last = offset + 16384 >= body.Length;
                WriteFrame(output, 0x0, (byte)(last ? 0x1 : 0), 1, body.AsSpan(offset, Math.Min(16384, body.Length - offset)).ToArray());
            }
        }

        await stream.WriteAsync(output.ToArray());

        var data = new MemoryStream();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var header = new byte[9];
        while (true)
        {
            if (!await ReadExactlyAsync(stream, header, timeout.Token))
            {
                return (Encoding.UTF8.GetString(data.ToArray()), "closed");
            }

            var length = (header[0] << 16) | (header[1] << 8) | header[2];
            var type = header[3];
            var flags = header[4];
            var id = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(5)) & 0x7FFFFFFF;
            var payload = new byte[length];
            if (!await ReadExactlyAsync(stream, payload, timeout.Token))
            {
                return (Encoding.UTF8.GetString(data.ToArray()), "closed");
            }

            if (type == 0x4 && (flags & 0x1) == 0)
            {
                var ack = new MemoryStream();
                WriteFrame(ack, 0x4, 0x1, 0, []);
                await stream.WriteAsync(ack.ToArray());
            }
            else if (type == 0x0 && id == 1)
            {
                data.Write(payload);
                if ((flags & 0x1) != 0)
                {
                    return (Encoding.UTF8.GetString(data.ToArray()), "ok");
                }
            }
            else if (type == 0x1 && id == 1 && (flags & 0x1) != 0)
            {
                return (Encoding.UTF8.GetString(data.ToArray()), "headers-only");
            }
            else if (type == 0x3 && id == 1)
            {
                return ("", "RST_STREAM " + BinaryPrimitives.ReadInt32BigEndian(payload));
            }
            else if (type == 0x7)
            {
                return ("", "GOAWAY " + BinaryPrimitives.ReadInt32BigEndian(payload.AsSpan(4)));
            }
        }
    }

    private static async Task<bool> ReadExactlyAsync(NetworkStream stream, byte[] buffer, CancellationToken token)
    {
        try
        {
            await stream.ReadExactlyAsync(buffer, token);
            return true;
        }
        catch (EndOfStreamException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static void WriteString(MemoryStream block, string value)
    {
        var bytes = Encoding.ASCII.GetBytes(value);
        WriteInteger(block, bytes.Length, 7, 0);
        block.Write(bytes);
    }

    private static void WriteInteger(MemoryStream block, int value, int prefixBits, byte mask)
    {
        var max = (1 << prefixBits) - 1;
        if (value < max)
        {
            block.WriteByte((byte)(mask | value));
            return;
        }

        block.WriteByte((byte)(mask | max));
        value -= max;
        while (value >= 128)
        {
            block.WriteByte((byte)((value % 128) + 128));
            value /= 128;
        }

        block.WriteByte((byte)value);
    }

    private static void WriteFrame(MemoryStream output, byte type, byte flags, int streamId, byte[] payload)
    {
        output.WriteByte((byte)(payload.Length >> 16));
        output.WriteByte((byte)(payload.Length >> 8));
        output.WriteByte((byte)payload.Length);
        output.WriteByte(type);
        output.WriteByte(flags);
        Span<byte> id = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(id, streamId);
        output.Write(id);
        output.Write(payload);
    }
}
