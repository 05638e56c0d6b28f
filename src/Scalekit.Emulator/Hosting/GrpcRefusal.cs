using System.Text;
using Grpc.Core;

namespace Scalekit.Emulator.Hosting;

/// <summary>
/// A refusal that a gRPC client can read. Clients turn an HTTP status other than 200 into <c>UNKNOWN</c> or
/// <c>UNAVAILABLE</c> with "Bad gRPC response" and drop the body, so a gRPC call (<c>Content-Type: application/grpc…</c>)
/// is refused with a trailers-only answer instead: 200, <c>grpc-status</c> and the reason in <c>grpc-message</c>.
/// </summary>
internal static class GrpcRefusal
{
    public static bool IsGrpc(HttpRequest request) =>
        request.ContentType is { } type && type.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase);

    /// <summary>Answers <paramref name="code"/> and <paramref name="message"/>; a <paramref name="pushback"/> asks a retrying client to wait that long.</summary>
    public static Task WriteAsync(HttpContext context, StatusCode code, string message, TimeSpan? pushback = null)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = PercentEncode(message);
        if (pushback is { } wait)
        {
            response.Headers["grpc-retry-pushback-ms"] = ((long)wait.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Task.CompletedTask;
    }

    /// <summary>gRPC's encoding of <c>grpc-message</c>: UTF-8, printable ASCII other than <c>%</c> as it is, every other byte as <c>%XX</c>.</summary>
    private static string PercentEncode(string message)
    {
        var text = new StringBuilder(message.Length);
        foreach (var b in Encoding.UTF8.GetBytes(message))
        {
            text.Append(b is >= 0x20 and <= 0x7E and not (byte)'%' ? ((char)b).ToString() : $"%{b:X2}");
        }

        return text.ToString();
    }
}
