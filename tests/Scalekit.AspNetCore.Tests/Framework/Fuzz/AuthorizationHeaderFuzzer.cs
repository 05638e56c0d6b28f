using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Scalekit.AspNetCore.Tests.Framework;

/// <summary>
/// Makes <c>Authorization</c> header values for the fuzz test, from a seed and one valid signed token: random values
/// (<see cref="RandomValues"/>), the token with its header or payload JSON replaced by hostile JSON and encoded again
/// (<see cref="MutatedJson"/>), and the token with characters flipped, inserted or deleted (<see cref="EditedCharacters"/>).
/// </summary>
/// <remarks>
/// The same seed gives the same sequence of choices. The valid token differs from run to run (its key, <c>jti</c>, times and
/// the issuer's port), so a case is reproduced from its <see cref="HeaderFuzzCase.Description"/>, which shows the JSON sent.
/// Each sequence starts with fixed cases (the ones the security review found, and the untouched token as a control), so
/// those are sent whatever the seed and count.
/// </remarks>
public sealed class AuthorizationHeaderFuzzer
{
    private const string Base64UrlAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private const string Malformed = TokenErrors.Malformed;

    /// <summary>Byte sequences that are not UTF-8: invalid lead bytes, overlong forms, truncated sequences, lone continuations, encoded surrogates, beyond U+10FFFF.</summary>
    private static readonly byte[][] InvalidUtf8 =
    [
        [0xFF], [0xFE], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0xAF], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0x80], [0xBF],
        [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xC3],
    ];

    /// <summary>JSON escapes that decode to unpaired UTF-16 surrogates (valid JSON syntax, invalid Unicode).</summary>
    private static readonly string[] LoneSurrogates =
        [@"\ud800", @"\udfff", @"\uDBFF", @"\uDC00", @"\udc00\ud800", @"\ud800\ud800", @"\ud83d", @"\ude00x"];

    private static readonly string PrintableAscii = new([.. Enumerable.Range(0x20, 0x5F).Select(c => (char)c)]);

    private static readonly string[] TimeClaims = ["exp", "nbf", "iat"];
    private static readonly string[] TextClaims = ["iss", "sub", "client_id", "oid", "jti"];

    private readonly Random _random;
    private readonly string _token;
    private readonly string[] _parts;
    private readonly int _maxTokenSize;
    private readonly List<Member> _header;
    private readonly List<Member> _payload;
    private readonly string _kid;
    private readonly long _exp;

    /// <param name="seed">Fixes the sequence of choices.</param>
    /// <param name="validToken">A signed token that the API accepts.</param>
    /// <param name="maxTokenSize">The API's <see cref="ScalekitApiAuthOptions.MaxTokenSize"/>: longer tokens must be refused as too large.</param>
    public AuthorizationHeaderFuzzer(int seed, string validToken, int maxTokenSize)
    {
        _random = new Random(seed);
        _token = validToken;
        _parts = validToken.Split('.');
        _maxTokenSize = maxTokenSize;
        _header = Members(Base64Url.DecodeFromChars(_parts[0]));
        _payload = Members(Base64Url.DecodeFromChars(_parts[1]));
        using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(_parts[0]));
        _kid = header.RootElement.GetProperty("kid").GetString()!;
        using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(_parts[1]));
        _exp = payload.RootElement.GetProperty("exp").GetInt64();
    }

    /// <summary>The untouched token: the control case, which the API must accept.</summary>
    public HeaderFuzzCase Control(int index) => new(index, "control: the untouched valid token", "Bearer <valid token>", "Bearer " + _token, null);

    /// <summary>Random values as the whole header, with and without a <c>Bearer</c> prefix, short to beyond the size limit.</summary>
    public IEnumerable<HeaderFuzzCase> RandomValues(int count)
    {
        var index = 0;
        yield return Control(index++);
        yield return new(index++, "raw: empty", "empty header value", "", null);
        yield return new(index++, "raw: empty", "'Bearer ' and nothing", "Bearer ", null);
        yield return new(index++, "raw: long", "'Bearer ' + one char beyond the size limit", "Bearer " + RandomText(Base64UrlAlphabet + ".", _maxTokenSize + 1), TokenErrors.TooLarge);
        yield return new(index++, "raw: long", "'Bearer ' + exactly the size limit", "Bearer " + RandomText(Base64UrlAlphabet, _maxTokenSize), Malformed);
        while (index < count)
        {
            var (prefix, prefixName) = Pick(
                ("Bearer ", "'Bearer '"), ("Bearer ", "'Bearer '"), ("Bearer ", "'Bearer '"), ("Bearer ", "'Bearer '"),
                ("bearer ", "'bearer '"), ("BEARER ", "'BEARER '"), ("", "no prefix"), ("", "no prefix"), ("", "no prefix"),
                ("Bearer", "'Bearer' without a space"), ("Basic ", "'Basic '"), (" Bearer ", "' Bearer '"), ("Bearer\t", "'Bearer\\t'"),
                ("Bearer  ", "'Bearer ' and a second space"));
            var (family, body) = _random.Next(10) switch
            {
                0 => ("raw: printable ASCII", RandomText(PrintableAscii, Length())),
                1 => ("raw: control characters", RandomText(Base64UrlAlphabet + ".\0\t\n\r\u0001\u0008\u000b\u000c\u001b\u001f\u007f", Length())),
                2 => ("raw: non-ASCII", RandomText(Base64UrlAlphabet + ".é\u00a0\u00ff\u0100\u2028\u200b\ufeff\ufffd中文\U0001F600", Length())),
                3 => ("raw: any UTF-16 code unit (lone surrogates, NUL)", RandomCodeUnits(Length())),
                4 => ("raw: base64url and dots", RandomText(Base64UrlAlphabet + "...", Length())),
                5 => ("raw: many dots, empty segments", Segments()),
                6 => ("raw: long", Long()),
                7 => ("raw: JWT-shaped garbage", $"eyJ{RandomText(Base64UrlAlphabet, Length())}.{RandomText(Base64UrlAlphabet, Length())}.{RandomText(Base64UrlAlphabet, Length())}"),
                8 => ("raw: Latin-1 bytes", new string(RandomBytes(Length()).Select(b => (char)b).ToArray())),
                _ => ("raw: base64 of random bytes", Convert.ToBase64String(RandomBytes(Length()))),
            };
            yield return Case(index++, family, $"{prefixName} + {Show(body)}", prefix + body, Malformed);
        }
    }

    /// <summary>
    /// The valid token with its header or payload (or both) replaced by hostile JSON, encoded again (sometimes wrongly),
    /// with the original, a truncated, an empty or a random signature.
    /// </summary>
    public IEnumerable<HeaderFuzzCase> MutatedJson(int count)
    {
        var index = 0;
        yield return Control(index++);
        foreach (var (family, json) in ReviewedHeaders())
        {
            yield return new(index++, family, $"header {Show(json)}; payload and signature original",
                $"Bearer {Base64Url.EncodeToString(json)}.{_parts[1]}.{_parts[2]}", Malformed);
            yield return new(index++, family, $"header {Show(json)}; payload original; no signature",
                $"Bearer {Base64Url.EncodeToString(json)}.{_parts[1]}.", Malformed);
        }

        while (index < count)
        {
            var roll = _random.Next(100);
            var header = roll < 55 || roll >= 88 ? HeaderMutation() : null;
            var payload = roll >= 55 ? PayloadMutation() : null;
            var (headerPart, headerEncoding, plain) = header is null ? (_parts[0], "original", true) : Encode(header.Json);
            var (payloadPart, payloadEncoding, _) = payload is null ? (_parts[1], "original", true) : Encode(payload.Json);
            var (signature, signatureName, threeParts) = Signature();
            var (prefix, prefixName) = Pick(("Bearer ", ""), ("Bearer ", ""), ("Bearer ", ""), ("Bearer ", ""), ("Bearer ", ""),
                ("Bearer ", ""), ("Bearer ", ""), ("Bearer ", ""), ("bearer ", "prefix 'bearer '; "), ("Bearer  ", "prefix 'Bearer  '; "));
            var family = header is not null ? "header: " + header.Kind : "payload: " + payload!.Kind;
            var description = prefixName
                + (header is null ? "header original" : $"header {ShowChange(_header, header.Json)} as {headerEncoding}")
                + "; " + (payload is null ? "payload original" : $"payload{(header is null ? "" : $" ({payload.Kind})")} {ShowChange(_payload, payload.Json)} as {payloadEncoding}")
                + "; signature " + signatureName;
            var expected = header is { Malformed: true } && plain && threeParts ? Malformed : null;
            yield return Case(index++, family, description, $"{prefix}{headerPart}.{payloadPart}{signature}", expected);
        }
    }

    /// <summary>The valid token with characters flipped, inserted or deleted, dots moved, segments swapped or the token cut short.</summary>
    public IEnumerable<HeaderFuzzCase> EditedCharacters(int count)
    {
        var index = 0;
        yield return Control(index++);
        while (index < count)
        {
            var token = new StringBuilder(_token);
            var edits = _random.Next(5) == 0 ? _random.Next(2, 9) : 1;
            var names = new List<string>();
            var where = "";
            for (var i = 0; i < edits; i++)
            {
                var (name, position) = Edit(token);
                names.Add(name);
                where = position;
            }

            var family = edits == 1 ? $"edit: {names[0].Split(' ')[0]} in {where}" : "edit: several edits";
            yield return Case(index++, family, string.Join(", ", names), "Bearer " + token, null);
        }
    }

    /// <summary>A case; one whose token is longer than the size limit must be refused as too large, whatever else it is.</summary>
    private HeaderFuzzCase Case(int index, string family, string description, string authorization, string? expected)
    {
        var tooLarge = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && authorization[7..].Trim().Length > _maxTokenSize;
        return new(index, family, description, authorization, tooLarge ? TokenErrors.TooLarge : expected);
    }

    /// <summary>The inputs of the security review, sent whatever the seed.</summary>
    private IEnumerable<(string Family, byte[] Json)> ReviewedHeaders()
    {
        yield return ("header: lone surrogate escape in kid", B("""{"alg":"RS256","kid":"\ud800"}"""));
        yield return ("header: lone surrogate escape in kid", B("""{"alg":"RS256","kid":"\udfff","typ":"JWT"}"""));
        yield return ("header: lone surrogate escape in a member name", B("""{"alg":"RS256","kid":"KID","\ud800":1}""".Replace("KID", _kid, StringComparison.Ordinal)));
        yield return ("header: invalid UTF-8 in kid", Cat(B("""{"alg":"RS256","kid":"""), [(byte)'"', 0xFF, (byte)'"', (byte)'}']));
        yield return ("header: not UTF-8 at all", [0xFF, 0xFE, 0xC0, 0x80]);
        yield return ("header: deep nesting", B(new string('[', 10_000)));
    }

    private Mutation HeaderMutation()
    {
        var members = new List<Member>(_header);
        switch (_random.Next(22))
        {
            case 0:
            case 1:
                return New("lone surrogate escape in kid", Replace(members, "kid", Text(Pick(Pick(LoneSurrogates), _kid + Pick(LoneSurrogates), Pick(LoneSurrogates) + _kid))), malformed: true);
            case 2:
                return New("lone surrogate escape in alg or typ", Replace(members, Pick("alg", "typ"), Text("RS256" + Pick(LoneSurrogates))), malformed: true);
            case 3:
            case 4:
                var surrogateName = Pick(LoneSurrogates);
                return New("lone surrogate escape in a member name", _random.Next(2) == 0
                    ? Insert(members, Text(surrogateName), Pick(B("1"), Text(_kid), B("null")))
                    : Rename(members, Pick("kid", "alg", "typ"), Text(Pick("k" + surrogateName + "id", surrogateName + "kid", "kid" + surrogateName))), malformed: true);
            case 5:
            case 6:
                return New("invalid UTF-8 in kid", Replace(members, "kid", TextBytes(_random.Next(2) == 0 ? Pick(InvalidUtf8) : Cat(B(_kid), Pick(InvalidUtf8)))), malformed: true);
            case 7:
                return New("invalid UTF-8 in a member name", _random.Next(2) == 0
                    ? Insert(members, TextBytes(Pick(InvalidUtf8)), B("1"))
                    : Rename(members, Pick("kid", "alg", "typ"), TextBytes(Cat(B("k"), Pick(InvalidUtf8), B("id")))), malformed: true);
            case 8:
                return New("invalid UTF-8 in alg or typ", Replace(members, Pick("alg", "typ"), TextBytes(Cat(B("RS256"), Pick(InvalidUtf8)))), malformed: true);
            case 9:
                var json = Object(members);
                var at = _random.Next(1, json.Length);
                return New("invalid UTF-8 at a random place", Cat(json[..at], Pick(InvalidUtf8), json[at..]), malformed: true);
            case 10:
                return New("duplicate members", DuplicateMembers(members, Pick(
                    ("kid", Text("snk_attacker")), ("kid", Text(_kid)), ("alg", Text("none")), ("alg", Text("HS256")), ("typ", Text("JWT")), ("crit", B("[\"exp\"]")))));
            case 11:
                return Trailing(Object(members));
            case 12:
                return NotAnObject();
            case 13:
                return DeepNesting(members);
            case 14:
                return Truncated(Object(members));
            case 15:
                return SyntaxError(members);
            case 16:
                return New("kid of another JSON type", Replace(members, "kid", Pick(
                    B("123"), B("true"), B("null"), B("{}"), B("[]"), B($"[\"{_kid}\"]"), B("1e400"), Text(""), Text(new string('a', 10_000)),
                    Text(@"\u0000"), Text(_kid + @"\n"), Text("é中😀"), Text(@"\ud83d\ude00"), Text("../../keys"))));
            case 17:
                var alg = Pick(
                    Text("none"), Text("None"), Text("NONE"), Text("HS256"), Text("HS512"), Text("RS384"), Text("ES256"), Text("PS256"),
                    Text("rs256"), Text(""), Text(@"RS256\u0000"), B("123"), B("null"), B("[\"RS256\"]"), B("{}"), B("true"));
                return New("alg none, HS256, other or of another type", _random.Next(8) == 0 ? Remove(members, "alg") : Replace(members, "alg", alg));
            case 18:
                return New("typ values", _random.Next(8) == 0 ? Remove(members, "typ") : Replace(members, "typ", Pick(
                    Text("at+jwt"), Text("application/at+jwt"), Text("jwt"), Text("JOSE"), Text("JWE"), Text(""), B("1"), B("null"), B("{}"), B("[\"JWT\"]"))));
            case 19:
                return New("crit", Insert(members, Text("crit"), Pick(B("[]"), B("\"exp\""), B("[\"exp\"]"), B("1"), B("null"), B("[[]]"))));
            case 20:
                return New("huge and odd numbers", Insert(members, Text(Pick("x", "exp", "zip", "cty")), Pick(
                    B("1e400"), B("-1e400"), B("99999999999999999999"), B("1.7976931348623157e309"), B("-0"), B("0.0000000000000000000001"), B("1E+2"))));
            default:
                return New("member names escaped or unusual", Rename(members, Pick("kid", "alg", "typ"), Text(Pick(
                    @"\u006bid", @"\u0061lg", "KID", "kid ", "", @"\u0000", "x".PadRight(300, 'x')))));
        }
    }

    private Mutation PayloadMutation()
    {
        var members = new List<Member>(_payload);
        switch (_random.Next(17))
        {
            case 0:
                return New("exp, nbf or iat as a string", Replace(members, Pick(TimeClaims), Pick(
                    Text(_exp.ToString(CultureInfo.InvariantCulture)), Text("now"), Text(""), Text("2099-01-01T00:00:00Z"), Text(@"\ud800"))));
            case 1:
                return New("exp, nbf or iat huge", Replace(members, Pick(TimeClaims), Pick(
                    B("1e400"), B("99999999999999999999"), B("1.7976931348623157e308"), B("9223372036854775808"), B("-9223372036854775809"), B("253402300800"))));
            case 2:
                return New("exp, nbf or iat negative", Replace(members, Pick(TimeClaims), Pick(B("-1"), B("-99999999999"), B("-0"), B("-1e10"))));
            case 3:
                return New("exp, nbf or iat not an integer", Replace(members, Pick(TimeClaims), Pick(
                    B(_exp + ".5"), B("1e3"), B("1.0E+10"), B(_exp + ".0000000001"), B("0.5"))));
            case 4:
                return New("exp, nbf or iat of another type", Replace(members, Pick(TimeClaims), Pick(B("null"), B("true"), B("{}"), B("[]"), B($"[{_exp}]"))));
            case 5:
                return New("lone surrogate escape in a claim value", Replace(members, Pick(TextClaims), Text("x" + Pick(LoneSurrogates))));
            case 6:
                return New("lone surrogate escape in a claim name", Insert(members, Text(Pick(LoneSurrogates)), Pick(B("1"), Text("x"), B("[\"read:deployments\"]"))));
            case 7:
                return New("invalid UTF-8 in a claim value or name", _random.Next(2) == 0
                    ? Replace(members, Pick(TextClaims), TextBytes(Pick(InvalidUtf8)))
                    : Insert(members, TextBytes(Cat(B("c"), Pick(InvalidUtf8))), B("1")));
            case 8:
                return New("duplicate claims", DuplicateMembers(members, Pick(
                    ("iss", Text("https://attacker.example")), ("exp", B("1")), ("aud", Text("billing-api.acmecorp.com")),
                    ("scopes", B("[\"deploy:applications\"]")), ("sub", Text("other")))));
            case 9:
                return Trailing(Object(members));
            case 10:
                return NotAnObject();
            case 11:
                return DeepNesting(members);
            case 12:
                return Truncated(Object(members));
            case 13:
                return SyntaxError(members);
            case 14:
                var (claim, value) = Pick(
                    ("aud", B("123")), ("aud", B("{}")), ("aud", B("[[\"deployment-api.acmecorp.com\"]]")), ("aud", B("[]")), ("aud", B("null")),
                    ("iss", B("123")), ("iss", B("[]")), ("scopes", Text("read:deployments")), ("scopes", B("[1,2]")), ("scopes", B("[[\"read:deployments\"]]")),
                    ("custom_claims", Text("x")), ("custom_claims", B("[]")), ("sub", B("{}")), ("client_id", B("null")), ("oid", B("1e400")));
                return New("claims of another type", Replace(members, claim, value));
            case 15:
                return New("empty or minimal object", Pick(B("{}"), B("""{"exp":1}"""), B("""{"scopes":["read:deployments"]}""")));
            default:
                return New("huge and odd numbers", Insert(members, Text(Pick("x", "jti", "n")), Pick(
                    B("1e400"), B("-1e400"), B("99999999999999999999"), B("1.7976931348623157e309"), B("-0"), B("1E-400"))));
        }
    }

    private Mutation Trailing(byte[] json)
    {
        if (_random.Next(6) == 0)
        {
            return New("trailing whitespace after the object", Cat(json, B(Pick(" ", "\n", "\t\r\n "))));
        }

        var trailer = _random.Next(4) == 0 ? Pick(InvalidUtf8) : B(Pick(" x", "{}", ",", "]", "}", "\0", """ {"alg":"none"}""", "null", "0", "\"\"", "//"));
        return New("trailing bytes or a second object after the object", Cat(json, trailer), malformed: true);
    }

    private Mutation NotAnObject()
    {
        var original = Object(_header);
        var json = Pick(B("[]"), Cat(B("["), original, B("]")), B("\"RS256\""), B("123"), B("null"), B("true"), B(""), B(" "), B("[{}]"), B("1e400"), B("\"\""));
        return New("array, string, number or nothing instead of an object", json, malformed: true);
    }

    private Mutation DeepNesting(List<Member> members)
    {
        var depth = Pick(65, 1000, 10_000);
        return _random.Next(3) switch
        {
            0 => New($"deep nesting, unclosed", B(new string('[', depth)), malformed: true),
            1 => New($"deep nesting, unclosed", B(string.Concat(Enumerable.Repeat("{\"a\":", depth))), malformed: true),
            _ => New($"deep nesting, closed, in a member value", Insert(members, Text("x"), B(new string('[', depth) + new string(']', depth)))),
        };
    }

    private Mutation Truncated(byte[] json) => New("truncated JSON", json[.._random.Next(json.Length)], malformed: true);

    private Mutation SyntaxError(List<Member> members)
    {
        var json = Object(members);
        var broken = _random.Next(9) switch
        {
            0 => Replace(members, Pick(members).Name, Text(Pick(@"\x41", @"\u12", @"\uZZZZ", @"\", @"\q"))),
            1 => Cat(B("{'alg':'RS256'"), json[1..]),
            2 => Cat(B("/*c*/"), json),
            3 => Cat(json[..^1], B(",}")),
            4 => Cat(B("{alg:\"RS256\","), json[1..]),
            5 => Replace(members, Pick(members).Name, B(Pick("NaN", "Infinity", "undefined", "01", "+1", ".5", "0x10", "1.", "--1"))),
            6 => Replace(members, Pick(members).Name, Cat([(byte)'"', 0x01, (byte)'"'])),
            7 => Cat(json[..^1], B(":1}")),
            _ => Cat([0xEF, 0xBB, 0xBF], json), // UTF-8 byte order mark
        };
        return New("JSON syntax errors", broken, malformed: true);
    }

    private static Mutation New(string kind, byte[] json, bool malformed = false) => new(kind, json, malformed);

    /// <summary>The segment in one of several encodings; <c>Plain</c> when it is the canonical base64url.</summary>
    private (string Segment, string Name, bool Plain) Encode(byte[] json)
    {
        var plain = Base64Url.EncodeToString(json);
        var roll = _random.Next(100);
        if (roll < 70 || plain.Length == 0)
        {
            return (plain, "base64url", true);
        }

        if (roll < 78)
        {
            var padding = ((4 - (plain.Length % 4)) % 4) + _random.Next(2);
            return (plain + new string('=', Math.Max(1, padding)), "base64url with '=' padding", false);
        }

        if (roll < 86)
        {
            return (Convert.ToBase64String(json), "base64 (+ / =)", false);
        }

        var at = _random.Next(plain.Length + 1);
        if (roll < 92)
        {
            var bad = Pick("*", "%", "!", " ", "é", "\0", "+", "/", "=", "\ud800");
            return (plain.Insert(at, bad), $"base64url with {Show(bad)} inserted", false);
        }

        return roll < 96
            ? (plain[..^1], "base64url with its last char cut", false)
            : (plain + "A", "base64url with one char too many", false);
    }

    /// <summary>The signature part, with its leading dot(s); <c>ThreeParts</c> when the token keeps three parts.</summary>
    private (string Part, string Name, bool ThreeParts) Signature()
    {
        var signature = _parts[2];
        var roll = _random.Next(100);
        return roll switch
        {
            < 45 => ("." + signature, "original", true),
            < 60 => ("." + signature[.._random.Next(1, signature.Length)], "truncated", true),
            < 70 => (".", "empty", true),
            < 80 => ("." + RandomText(Base64UrlAlphabet, signature.Length), "random, of the right length", true),
            < 85 => ("." + RandomText(Base64UrlAlphabet, _random.Next(1, 700)), "random", true),
            < 90 => ("." + RandomText(PrintableAscii, _random.Next(1, 40)), "random printable", true),
            < 95 => ("", "missing (two parts)", false),
            _ => (Pick("." + signature + ".x", "." + signature + "..", ".." + signature, ".e30." + signature + ".x"), "with extra parts", false),
        };
    }

    private (string Name, string Where) Edit(StringBuilder token)
    {
        var position = _random.Next(token.Length);
        var where = Where(token, position);
        switch (_random.Next(11))
        {
            case 0:
            case 1:
            case 2:
                var flipped = Other(token[position], Base64UrlAlphabet);
                token[position] = flipped[0];
                return ($"flip char {position} to '{flipped}'", where);
            case 3:
                var other = Other(token[position], PrintableAscii + "\0\n\r\té\u00a0\ufffd");
                token[position] = other[0];
                return ($"flip char {position} to {Show(other)}", where);
            case 4:
                var unit = RandomCodeUnits(1);
                token[position] = unit[0];
                return ($"flip char {position} to {Show(unit)}", where);
            case 5:
            case 6:
                var inserted = _random.Next(3) == 0 ? RandomCodeUnits(1) : RandomText(Base64UrlAlphabet + "=+/.", 1);
                token.Insert(position, inserted);
                return ($"insert {Show(inserted)} at {position}", where);
            case 7:
            case 8:
                token.Remove(position, 1);
                return ($"delete char {position}", where);
            case 9:
                var cut = _random.Next(token.Length);
                token.Length = cut;
                return ($"truncate to {cut} chars", Where(token, Math.Max(0, cut - 1)));
            default:
                var parts = token.ToString().Split('.');
                string[] shuffled = _random.Next(3) switch
                {
                    0 => parts.Length >= 2 ? [parts[1], parts[0], .. parts[2..]] : parts,
                    1 => [parts[0], .. parts],
                    _ => [.. parts, parts[^1]],
                };
                token.Clear().Append(string.Join('.', shuffled));
                return ("swap or duplicate segments", "segments");
        }
    }

    /// <summary>A character of <paramref name="alphabet"/> other than <paramref name="current"/>, so that a flip changes the token.</summary>
    private string Other(char current, string alphabet)
    {
        var others = alphabet.Replace(current.ToString(), "", StringComparison.Ordinal);
        return RandomText(others, 1);
    }

    private static string Where(StringBuilder token, int position)
    {
        var dots = 0;
        for (var i = 0; i < position && i < token.Length; i++)
        {
            dots += token[i] == '.' ? 1 : 0;
        }

        return position < token.Length && token[position] == '.' ? "a dot" : dots switch { 0 => "header", 1 => "payload", 2 => "signature", _ => "an extra part" };
    }

    private int Length() => _random.Next(100) switch
    {
        < 70 => _random.Next(0, 41),
        < 95 => _random.Next(41, 1001),
        _ => _random.Next(1001, 8001),
    };

    private string Long()
    {
        var length = Pick(_maxTokenSize + 1, _maxTokenSize + 16, 20_000, 65_536, 262_144);
        return _random.Next(4) switch
        {
            0 => new string('.', length),
            1 => string.Concat(_parts[0], ".", RandomText(Base64UrlAlphabet + ".", length)),
            _ => RandomText(Base64UrlAlphabet + ".", length),
        };
    }

    private string Segments()
    {
        var segments = Enumerable.Range(0, _random.Next(0, 60)).Select(_ => _random.Next(3) == 0 ? "" : RandomText(Base64UrlAlphabet, _random.Next(1, 12)));
        return _random.Next(4) == 0 ? new string('.', _random.Next(1, 300)) : string.Join('.', segments);
    }

    private string RandomText(string alphabet, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[_random.Next(alphabet.Length)];
        }

        return new string(chars);
    }

    private string RandomCodeUnits(int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = _random.Next(4) == 0 ? (char)_random.Next(0xD800, 0xE000) : (char)_random.Next(0, 0x10000);
        }

        return new string(chars);
    }

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    private T Pick<T>(params T[] choices) => choices[_random.Next(choices.Length)];

    private Member Pick(List<Member> members) => members[_random.Next(members.Count)];

    private byte[] DuplicateMembers(List<Member> members, (string Name, byte[] Value) duplicate)
    {
        var copy = new List<Member>(members);
        copy.Insert(_random.Next(copy.Count + 1), new Member(Text(duplicate.Name), duplicate.Value));
        return Object(copy);
    }

    private byte[] Insert(List<Member> members, byte[] name, byte[] value)
    {
        var copy = new List<Member>(members);
        copy.Insert(_random.Next(copy.Count + 1), new Member(name, value));
        return Object(copy);
    }

    private static byte[] Replace(List<Member> members, string name, byte[] value) => Replace(members, Text(name), value);

    private static byte[] Replace(List<Member> members, byte[] name, byte[] value) =>
        Object(members.Select(m => m.Name.AsSpan().SequenceEqual(name) ? m with { Value = value } : m));

    private static byte[] Rename(List<Member> members, string name, byte[] newName) =>
        Object(members.Select(m => m.Name.AsSpan().SequenceEqual(Text(name)) ? m with { Name = newName } : m));

    private static byte[] Remove(List<Member> members, string name) =>
        Object(members.Where(m => !m.Name.AsSpan().SequenceEqual(Text(name))));

    private static List<Member> Members(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateObject().Select(p => new Member(Text(p.Name), B(p.Value.GetRawText())))];
    }

    private static byte[] Object(IEnumerable<Member> members)
    {
        var json = new List<byte> { (byte)'{' };
        var first = true;
        foreach (var member in members)
        {
            if (!first)
            {
                json.Add((byte)',');
            }

            first = false;
            json.AddRange(member.Name);
            json.Add((byte)':');
            json.AddRange(member.Value);
        }

        json.Add((byte)'}');
        return [.. json];
    }

    /// <summary>A JSON string of <paramref name="content"/>, written as is: escapes in it stay escapes.</summary>
    private static byte[] Text(string content) => B("\"" + content + "\"");

    /// <summary>A JSON string of raw bytes, valid UTF-8 or not.</summary>
    private static byte[] TextBytes(byte[] content) => Cat([(byte)'"'], content, [(byte)'"']);

    private static byte[] B(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Cat(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    /// <summary>
    /// The mutated JSON: whole when short, else from a little before the first byte that differs from the original object,
    /// so that a change deep in the payload (such as <c>exp</c>) shows.
    /// </summary>
    private static string ShowChange(List<Member> original, byte[] json)
    {
        if (json.Length <= 200)
        {
            return Show(json);
        }

        var before = Object(original);
        var changed = json.AsSpan().CommonPrefixLength(before);
        var from = Math.Max(0, changed - 40);
        return $"...{Show(json[from..Math.Min(json.Length, from + 200)])}... ({json.Length} bytes, changed from byte {changed})";
    }

    /// <summary>Bytes as printable ASCII, others as <c>\xNN</c>, shortened past 200 characters.</summary>
    private static string Show(byte[] json)
    {
        var shown = new StringBuilder();
        foreach (var b in json.Take(200))
        {
            shown.Append(b is >= 0x20 and < 0x7F ? ((char)b).ToString() : $"\\x{b:X2}");
        }

        return json.Length > 200 ? $"{shown}... ({json.Length} bytes)" : shown.ToString();
    }

    /// <summary>Text quoted, as printable ASCII (see <see cref="Printable"/>), shortened past 120 characters.</summary>
    public static string Show(string text) => $"\"{Printable(text, 120)}\"";

    /// <summary>
    /// Text as printable ASCII, other code units as <c>\uXXXX</c> (so that control characters and lone surrogates
    /// reach a test report intact), shortened past <paramref name="length"/> characters.
    /// </summary>
    public static string Printable(string text, int length)
    {
        var shown = new StringBuilder();
        foreach (var c in text.Take(length))
        {
            shown.Append(c is >= ' ' and < '\u007f' ? c.ToString() : $"\\u{(int)c:x4}");
        }

        return text.Length > length ? $"{shown}... ({text.Length} chars)" : shown.ToString();
    }

    /// <summary>One <c>"name":value</c> of a JSON object, both as raw bytes (the name with its quotes).</summary>
    private sealed record Member(byte[] Name, byte[] Value);

    private sealed record Mutation(string Kind, byte[] Json, bool Malformed);
}
