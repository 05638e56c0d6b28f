using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Scalekit.AspNetCore.Testing.Internal;

/// <summary>
/// The answers of the authority's in-memory Scalekit API, byte for byte in the emulator's shapes
/// (<c>src/Scalekit.Emulator/Internal/EmulatorResults.cs</c>): problem details for the management API, RFC 6749 §5.2
/// errors for the token endpoint, JSON written with <see cref="Utf8JsonWriter"/> (no reflection: the kit is AOT-compatible).
/// </summary>
internal static class WireResponses
{
    /// <summary>JSON as ASP.NET Core's defaults write it (the emulator's token endpoint and OAuth errors): the relaxed encoder.</summary>
    public static HttpResponseMessage Json(HttpRequestMessage request, HttpStatusCode status, Action<Utf8JsonWriter> write) =>
        new(status) { RequestMessage = request, Content = Content(write, "application/json", withCharset: true, JavaScriptEncoder.UnsafeRelaxedJsonEscaping) };

    /// <summary>JSON as the emulator's management API writes it (<c>EmulatorJson.Options</c>): the default encoder, which escapes HTML-sensitive and non-ASCII characters.</summary>
    public static HttpResponseMessage ManagementJson(HttpRequestMessage request, HttpStatusCode status, Action<Utf8JsonWriter> write) =>
        new(status) { RequestMessage = request, Content = Content(write, "application/json", withCharset: true, JavaScriptEncoder.Default) };

    /// <summary>RFC 9457 problem details as ASP.NET Core writes them for the emulator: type, title, status, detail, traceId.</summary>
    public static HttpResponseMessage Problem(HttpRequestMessage request, HttpStatusCode status, string detail) =>
        new(status)
        {
            RequestMessage = request,
            Content = Content(
                json =>
                {
                    json.WriteStartObject();
                    json.WriteString("type", "https://tools.ietf.org/html/rfc9110#section-" + status switch
                    {
                        HttpStatusCode.BadRequest => "15.5.1",
                        HttpStatusCode.Unauthorized => "15.5.2",
                        _ => "15.5.5",
                    });
                    json.WriteString("title", status switch
                    {
                        HttpStatusCode.BadRequest => "Bad Request",
                        HttpStatusCode.Unauthorized => "Unauthorized",
                        _ => "Not Found",
                    });
                    json.WriteNumber("status", (int)status);
                    json.WriteString("detail", detail);
                    json.WriteString("traceId", Activity.Current?.Id ?? $"00-{ActivityTraceId.CreateRandom()}-{ActivitySpanId.CreateRandom()}-00");
                    json.WriteEndObject();
                },
                "application/problem+json",
                withCharset: false,
                JavaScriptEncoder.UnsafeRelaxedJsonEscaping),
        };

    /// <summary>An RFC 6749 §5.2 error: <c>{"error","error_description"}</c>.</summary>
    public static HttpResponseMessage OAuthError(HttpRequestMessage request, HttpStatusCode status, string error, string description) =>
        Json(request, status, json =>
        {
            json.WriteStartObject();
            json.WriteString("error", error);
            json.WriteString("error_description", description);
            json.WriteEndObject();
        });

    public static HttpResponseMessage NotServed(HttpRequestMessage request, string served) =>
        new(HttpStatusCode.NotFound)
        {
            RequestMessage = request,
            Content = new StringContent($"The Scalekit test authority serves only {served}; nothing leaves the process."),
        };

    private static ByteArrayContent Content(Action<Utf8JsonWriter> write, string mediaType, bool withCharset, JavaScriptEncoder encoder)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = encoder }))
        {
            write(json);
        }

        var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType) { CharSet = withCharset ? Encoding.UTF8.WebName : null };
        return content;
    }
}
