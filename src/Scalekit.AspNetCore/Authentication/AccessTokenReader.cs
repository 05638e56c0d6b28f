using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Scalekit.AspNetCore;

/// <summary>
/// Reads a compact JWS strictly before JwtBearer validates it, and refuses what the standards refuse and
/// Microsoft.IdentityModel lets through or fails on:
/// <list type="bullet">
/// <item>exactly three segments of the base64url alphabet, without padding, each in its one canonical spelling
/// (RFC 7515 §7.1, RFC 4648 §3.5);</item>
/// <item>a header and a payload that are each exactly one JSON object of valid Unicode, nothing after it, with no
/// registered member twice (RFC 7515 §4, RFC 7519 §4);</item>
/// <item><c>alg</c>, <c>kid</c> as strings; <c>typ</c> absent or a JWT access-token type (RFC 8725 §3.11, RFC 9068 §2.1);</item>
/// <item><c>exp</c>, <c>nbf</c>, <c>iat</c> as JSON numbers (RFC 7519 §2, NumericDate); <c>iss</c> a string, <c>aud</c>
/// a string or an array of strings; <c>client_id</c> or <c>sub</c> present, non-empty strings (RFC 9068 §2.2).</item>
/// </list>
/// It also reads the scopes the payload grants (RFC 6749 §3.3): a string is split on U+0020 only, each element of an
/// array is one scope, and a value that is not a scope-token (empty, white space or other characters outside
/// <c>%x21 / %x23-5B / %x5D-7E</c>) grants nothing. Only the signature is left to the token handler.
/// </summary>
internal static class AccessTokenReader
{
    private const int StackLimit = 1024;

    /// <summary>The largest NumericDate accepted: 9999-12-31T23:59:59Z, the last second a <see cref="DateTime"/> holds.</summary>
    private const double MaxNumericDate = 253402300799;

    private const string Base64UrlAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private static readonly SearchValues<char> Base64UrlCharacters = SearchValues.Create(Base64UrlAlphabet);

    private static readonly JsonReaderOptions Strict = new() { MaxDepth = 64 };

    /// <summary>Reads <paramref name="token"/>, the compact serialization taken from the <c>Authorization</c> header.</summary>
    public static AccessTokenShape Read(ReadOnlySpan<char> token)
    {
        var shape = new AccessTokenShape();
        var first = token.IndexOf('.');
        var second = first < 0 ? -1 : token[(first + 1)..].IndexOf('.');
        if (second < 0)
        {
            return shape.Refuse(TokenFailureReason.Malformed, "it is not a compact JWS (three dot-separated parts)");
        }

        second += first + 1;
        var header = token[..first];
        var payload = token[(first + 1)..second];
        var signature = token[(second + 1)..];
        if (signature.Contains('.'))
        {
            return shape.Refuse(TokenFailureReason.Malformed, "it has more than three parts (an encrypted JWE is not accepted)");
        }

        if (!IsBase64Url(header) || !IsBase64Url(payload) || (!signature.IsEmpty && !IsBase64Url(signature)))
        {
            return shape.Refuse(TokenFailureReason.Malformed, "a part is not base64url without padding");
        }

        if (!Decode(header, ref shape, ReadHeader) || !Decode(payload, ref shape, ReadPayload))
        {
            return shape;
        }

        if (!shape.HasSubject)
        {
            return shape.Refuse(TokenFailureReason.NoSubject, "it has neither client_id nor sub");
        }

        return shape;
    }

    private delegate void JsonObjectReader(ref Utf8JsonReader reader, ref AccessTokenShape shape);

    /// <summary>
    /// A non-empty segment of the base64url alphabet in its one canonical spelling: a length that can be decoded (not 1
    /// modulo 4) and a last character whose unused bits are zero, so that no two spellings decode to the same bytes.
    /// </summary>
    private static bool IsBase64Url(ReadOnlySpan<char> segment)
    {
        if (segment.Length == 0 || segment.Length % 4 == 1 || segment.ContainsAnyExcept(Base64UrlCharacters))
        {
            return false;
        }

        var spareBits = (segment.Length % 4) switch { 2 => 0b1111, 3 => 0b11, _ => 0 };
        return (Base64UrlAlphabet.IndexOf(segment[^1]) & spareBits) == 0;
    }

    /// <summary>Decodes <paramref name="segment"/> and reads it as one JSON object; <see langword="false"/> once refused.</summary>
    private static bool Decode(ReadOnlySpan<char> segment, ref AccessTokenShape shape, JsonObjectReader read)
    {
        var size = Base64Url.GetMaxDecodedLength(segment.Length);
        var rented = size > StackLimit ? ArrayPool<byte>.Shared.Rent(size) : null;
        try
        {
            Span<byte> buffer = rented is not null ? rented : stackalloc byte[size];
            // The status form never throws (TryDecodeFromChars does, on a last character with non-zero spare bits).
            if (Base64Url.DecodeFromChars(segment, buffer, out _, out var written) != OperationStatus.Done)
            {
                shape.Refuse(TokenFailureReason.Malformed, "a part is not base64url without padding");
                return false;
            }

            var reader = new Utf8JsonReader(buffer[..written], Strict);
            try
            {
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                {
                    shape.Refuse(TokenFailureReason.Malformed, "the header or the payload is not a JSON object");
                    return false;
                }

                while (shape.Failure is null && reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    read(ref reader, ref shape);
                }

                if (shape.Failure is null && (reader.TokenType != JsonTokenType.EndObject || reader.Read()))
                {
                    shape.Refuse(TokenFailureReason.Malformed, "the header or the payload has more than one JSON object");
                }
            }
            catch (JsonException)
            {
                shape.Refuse(TokenFailureReason.Malformed, "the header or the payload is not valid JSON");
            }
            catch (InvalidOperationException)
            {
                // Utf8JsonReader's answer to text that is not Unicode: a lone surrogate escape, invalid UTF-8.
                shape.Refuse(TokenFailureReason.Malformed, "the header or the payload is not valid Unicode");
            }

            return shape.Failure is null;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>One header member: the reader is on its name.</summary>
    private static void ReadHeader(ref Utf8JsonReader reader, ref AccessTokenShape shape)
    {
        var member = Member(ref reader, HeaderMembers);
        if (!shape.Note(member, header: true))
        {
            return;
        }

        reader.Read();
        switch (member)
        {
            case Registered.Alg:
                shape.Alg = RequireString(ref reader, ref shape, "alg is not a string");
                break;
            case Registered.Kid:
                shape.Kid = RequireString(ref reader, ref shape, "kid is not a string");
                break;
            case Registered.Typ:
                if (reader.TokenType != JsonTokenType.String || !IsAccessTokenType(ref reader))
                {
                    shape.Refuse(TokenFailureReason.InvalidType, "its typ is not JWT, at+jwt or application/at+jwt");
                }

                break;
            case Registered.Crit:
                shape.Refuse(TokenFailureReason.CriticalHeader, "its header lists critical extensions (crit), which this API does not understand");
                break;
            default:
                SkipValue(ref reader);
                break;
        }
    }

    /// <summary>One payload member: the reader is on its name.</summary>
    private static void ReadPayload(ref Utf8JsonReader reader, ref AccessTokenShape shape)
    {
        var member = Member(ref reader, PayloadMembers);
        if (!shape.Note(member, header: false))
        {
            return;
        }

        reader.Read();
        switch (member)
        {
            case Registered.Exp or Registered.Nbf or Registered.Iat:
                if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out var date) || !double.IsFinite(date) || date < 0 || date > MaxNumericDate)
                {
                    shape.Refuse(TokenFailureReason.Malformed, "exp, nbf or iat is not a JSON number of seconds (NumericDate)");
                }

                break;
            case Registered.Iss:
                if (reader.TokenType != JsonTokenType.String)
                {
                    shape.Refuse(TokenFailureReason.Malformed, "iss is not a string");
                }

                ValidateString(ref reader);
                break;
            case Registered.Aud:
                ReadAudience(ref reader, ref shape);
                break;
            case Registered.Sub or Registered.ClientId:
                if (reader.TokenType != JsonTokenType.String || reader.ValueSpan.IsEmpty)
                {
                    shape.Refuse(TokenFailureReason.Malformed, "client_id or sub is not a non-empty string");
                }

                ValidateString(ref reader);
                shape.HasSubject = true;
                break;
            case Registered.Scope or Registered.Scopes or Registered.Scp:
                ReadScopes(ref reader, ref shape);
                break;
            default:
                SkipValue(ref reader);
                break;
        }
    }

    private static void ReadAudience(ref Utf8JsonReader reader, ref AccessTokenShape shape)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            ValidateString(ref reader);
            return;
        }

        if (reader.TokenType == JsonTokenType.StartArray)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.String)
            {
                ValidateString(ref reader);
            }

            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return;
            }
        }

        shape.Refuse(TokenFailureReason.Malformed, "aud is not a string or an array of strings");
    }

    /// <summary>
    /// The scopes of a <c>scope</c>, <c>scopes</c> or <c>scp</c> value: a string is split on U+0020 only; each string of
    /// an array is one scope. A value that is not a scope-token grants nothing and is counted in
    /// <see cref="AccessTokenShape.IgnoredScopeValues"/>.
    /// </summary>
    private static void ReadScopes(ref Utf8JsonReader reader, ref AccessTokenShape shape)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            var value = reader.GetString()!.AsSpan();
            foreach (var range in value.Split(' '))
            {
                if (!value[range].IsEmpty)
                {
                    shape.Grant(value[range].ToString());
                }
            }

            return;
        }

        if (reader.TokenType == JsonTokenType.StartArray)
        {
            var depth = reader.CurrentDepth;
            while (reader.Read() && !(reader.TokenType == JsonTokenType.EndArray && reader.CurrentDepth == depth))
            {
                if (reader.TokenType == JsonTokenType.String && reader.CurrentDepth == depth + 1)
                {
                    shape.Grant(reader.GetString()!);
                }
                else
                {
                    shape.IgnoredScopeValues++;
                    SkipValue(ref reader);
                }
            }

            return;
        }

        shape.IgnoredScopeValues++;
        SkipValue(ref reader);
    }

    private static bool IsAccessTokenType(ref Utf8JsonReader reader)
    {
        var type = reader.GetString()!;
        return type.Equals("JWT", StringComparison.OrdinalIgnoreCase)
            || type.Equals("at+jwt", StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/at+jwt", StringComparison.OrdinalIgnoreCase);
    }

    private static string? RequireString(ref Utf8JsonReader reader, ref AccessTokenShape shape, string detail)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        shape.Refuse(TokenFailureReason.Malformed, detail);
        return null;
    }

    /// <summary>Skips the value the reader is on, checking that every string in it is valid Unicode.</summary>
    private static void SkipValue(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            ValidateString(ref reader);
            return;
        }

        var depth = reader.CurrentDepth;
        while (reader.Read() && reader.CurrentDepth > depth)
        {
            ValidateString(ref reader);
        }
    }

    /// <summary>
    /// Throws <see cref="InvalidOperationException"/>, as <see cref="Utf8JsonReader.GetString"/> does, when the string or
    /// property name the reader is on is not valid Unicode: raw bytes that are not UTF-8, or an escaped lone surrogate.
    /// </summary>
    private static void ValidateString(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName))
        {
            return;
        }

        if (reader.ValueIsEscaped)
        {
            _ = reader.GetString();
        }
        else if (!Utf8.IsValid(reader.ValueSpan))
        {
            throw new InvalidOperationException("not UTF-8");
        }
    }

    private static readonly (byte[] Name, Registered Member)[] HeaderMembers =
    [
        ("alg"u8.ToArray(), Registered.Alg), ("kid"u8.ToArray(), Registered.Kid), ("typ"u8.ToArray(), Registered.Typ),
        ("crit"u8.ToArray(), Registered.Crit), ("cty"u8.ToArray(), Registered.Cty), ("jku"u8.ToArray(), Registered.Jku),
        ("jwk"u8.ToArray(), Registered.Jwk), ("x5u"u8.ToArray(), Registered.X5u), ("x5c"u8.ToArray(), Registered.X5c),
        ("x5t"u8.ToArray(), Registered.X5t), ("x5t#S256"u8.ToArray(), Registered.X5tS256), ("b64"u8.ToArray(), Registered.B64),
    ];

    private static readonly (byte[] Name, Registered Member)[] PayloadMembers =
    [
        ("iss"u8.ToArray(), Registered.Iss), ("aud"u8.ToArray(), Registered.Aud), ("exp"u8.ToArray(), Registered.Exp),
        ("nbf"u8.ToArray(), Registered.Nbf), ("iat"u8.ToArray(), Registered.Iat), ("sub"u8.ToArray(), Registered.Sub),
        ("client_id"u8.ToArray(), Registered.ClientId), ("jti"u8.ToArray(), Registered.Jti), ("oid"u8.ToArray(), Registered.Oid),
        ("scope"u8.ToArray(), Registered.Scope), ("scopes"u8.ToArray(), Registered.Scopes), ("scp"u8.ToArray(), Registered.Scp),
        ("custom_claims"u8.ToArray(), Registered.CustomClaims), ("azp"u8.ToArray(), Registered.Azp),
        ("typ"u8.ToArray(), Registered.Typ),
    ];

    /// <summary>The member the reader's property name is among <paramref name="members"/>, after checking the name is valid Unicode.</summary>
    private static Registered Member(ref Utf8JsonReader reader, (byte[] Name, Registered Member)[] members)
    {
        ValidateString(ref reader);
        foreach (var (name, member) in members)
        {
            if (reader.ValueTextEquals(name))
            {
                return member;
            }
        }

        return Registered.None;
    }
}
