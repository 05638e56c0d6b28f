using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Scalekit.Tokens;

/// <summary>
/// Writes the token payload and the JWKS document with <see cref="Utf8JsonWriter"/>: the same text that
/// <c>JsonSerializer.Serialize</c> wrote for them (default encoder, members in order), without reflection, so that the
/// package is trimming- and native-AOT-safe.
/// </summary>
internal static class TokenJson
{
    /// <summary>
    /// A JSON object of <paramref name="members"/>, whose values are what <see cref="ScalekitTokenFactory.Payload"/> and
    /// <see cref="ScalekitJwks"/> put there: strings, 64-bit integers, string lists and string-to-string maps.
    /// </summary>
    public static string Object(IEnumerable<KeyValuePair<string, object>> members)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteObject(writer, members);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteObject(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, object>> members)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in members)
        {
            writer.WritePropertyName(name);
            WriteValue(writer, value);
        }

        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case IEnumerable<KeyValuePair<string, string>> map:
                writer.WriteStartObject();
                foreach (var (name, text) in map)
                {
                    writer.WritePropertyName(name);
                    WriteValue(writer, text);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable<string> list:
                writer.WriteStartArray();
                foreach (var text in list)
                {
                    WriteValue(writer, text);
                }

                writer.WriteEndArray();
                break;
            case IEnumerable<IReadOnlyDictionary<string, string>> objects:
                writer.WriteStartArray();
                foreach (var item in objects)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new NotSupportedException($"A token or JWKS member of type {value.GetType()} has no JSON form here.");
        }
    }
}
