using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Scalekit.AspNetCore.Internal;

/// <summary>
/// Reads what the handler needs before validation from a JWT's header only: the <c>kid</c> and whether a <c>crit</c>
/// parameter is present. The payload is left to the token handler, so that it is parsed once per request, not twice.
/// </summary>
internal static class JwtHeaderReader
{
    private const int StackLimit = 1024;

    /// <summary>
    /// The <c>kid</c> (<see langword="null"/> unless a string) and whether the header has a <c>crit</c> parameter;
    /// (<see langword="null"/>, <see langword="false"/>) when the token is unreadable: validation then refuses it with the
    /// proper reason.
    /// </summary>
    public static (string? Kid, bool Critical) Read(ReadOnlySpan<char> token)
    {
        var dot = token.IndexOf('.');
        if (dot > 0 && Base64Url.IsValid(token[..dot], out var size))
        {
            var encoded = token[..dot];
            var rented = size > StackLimit ? ArrayPool<byte>.Shared.Rent(size) : null;
            try
            {
                Span<byte> buffer = rented is not null ? rented : stackalloc byte[size];
                if (Base64Url.TryDecodeFromChars(encoded, buffer, out var written) && TryParse(buffer[..written], out var header))
                {
                    return header;
                }
            }
            finally
            {
                if (rented is not null)
                {
                    ArrayPool<byte>.Shared.Return(rented);
                }
            }
        }

        // Not a header this reader understands: ask Microsoft.IdentityModel, as validation will.
        return ReadWithIdentityModel(token.ToString());
    }

    private static bool TryParse(ReadOnlySpan<byte> json, out (string? Kid, bool Critical) header)
    {
        header = default;
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isKid = reader.ValueTextEquals("kid"u8);
                var isCrit = reader.ValueTextEquals("crit"u8);
                reader.Read();
                if (isKid)
                {
                    header.Kid = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }

                header.Critical |= isCrit;
                reader.Skip();
            }

            return reader.TokenType == JsonTokenType.EndObject && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static (string? Kid, bool Critical) ReadWithIdentityModel(string token)
    {
        try
        {
            var jwt = new JsonWebToken(token);
            return (jwt.Kid, jwt.TryGetHeaderValue<object>("crit", out _));
        }
        catch (ArgumentException)
        {
            return (null, false); // malformed: validation rejects it next, with the proper reason
        }
    }
}
