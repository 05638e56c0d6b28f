using System.Net;
using System.Text;
using System.Text.Json;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.Authentication;

/// <summary>
/// The JOSE rules checked before the signature (RFC 7515 §4 and §7.1, RFC 7519 §2 and §4, RFC 8725 §3.11, RFC 9068):
/// correctly signed tokens that break one of them are refused with a fixed reason, and never cause a 5xx.
/// </summary>
public sealed class StrictReadingTests(ScalekitApiFixture fixture) : IClassFixture<ScalekitApiFixture>
{
    private TestSigningKey Key => fixture.Issuer.PrimaryKey;

    [Theory]
    [InlineData(null)]
    [InlineData("JWT")]
    [InlineData("jwt")]
    [InlineData("at+jwt")]
    [InlineData("AT+JWT")]
    [InlineData("application/at+jwt")]
    [InlineData("Application/AT+JWT")]
    public async Task An_access_token_type_or_none_is_accepted(string? type)
    {
        // Arrange
        var token = TokenWithHeader(type is null ? "" : $",\"typ\":\"{type}\"");

        // Act
        using var response = await fixture.Api.GetAsync("/authenticated", token);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("\"secevent+jwt\"")]
    [InlineData("\"logout+jwt\"")]
    [InlineData("\"JWE\"")]
    [InlineData("\"JOSE\"")]
    [InlineData("\"id_token+jwt\"")]
    [InlineData("\"\"")]
    [InlineData("1")]
    [InlineData("null")]
    public async Task Any_other_token_type_is_refused_with_a_fixed_reason(string type)
    {
        // Arrange
        var token = TokenWithHeader($",\"typ\":{type}");

        // Act
        using var response = await fixture.Api.GetAsync("/authenticated", token);

        // Assert
        response.ShouldRefuseAsInvalidToken(TokenErrors.InvalidType);
    }

    [Theory]
    [InlineData("header", "{}")]                  // a second object after it
    [InlineData("header", "x")]                   // a trailing byte
    [InlineData("header", ",\"kid\":\"x\"")]      // members after the closing brace
    [InlineData("payload", "{}")]
    [InlineData("payload", "x")]
    [InlineData("payload", "[]")]
    public async Task A_header_or_payload_with_bytes_after_its_object_is_malformed(string part, string trailing)
    {
        // Arrange
        var header = TestTokens.HeaderJson(Key);
        var payload = PayloadJson();
        var token = part == "header"
            ? TestTokens.SignRaw(Key, header + trailing, payload)
            : TestTokens.SignRaw(Key, header, payload + trailing);

        // Act
        using var response = await fixture.Api.GetAsync("/authenticated", token);

        // Assert
        response.ShouldRefuseAsInvalidToken(TokenErrors.Malformed);
    }

    [Theory]
    [InlineData("exp")]
    [InlineData("nbf")]
    [InlineData("iat")]
    public async Task A_time_claim_given_as_a_numeric_string_is_malformed(string claim)
    {
        // Arrange
        var token = fixture.Issuer.TokenWith(p => p[claim] = ((long)p[claim]).ToString(System.Globalization.CultureInfo.InvariantCulture));

        // Act
        using var response = await fixture.Api.GetAsync("/authenticated", token);

        // Assert
        response.ShouldRefuseAsInvalidToken(TokenErrors.Malformed);
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("-1")]
    [InlineData("99999999999999999999")]
    [InlineData("true")]
    public async Task An_expiry_that_is_no_NumericDate_is_malformed(string exp)
    {
        // Arrange
        var payload = PayloadJson().Replace("\"exp\":", "\"exp\":" + exp + ",\"_exp\":", StringComparison.Ordinal);
        var token = TestTokens.SignRaw(Key, TestTokens.HeaderJson(Key), payload);

        // Act
        using var response = await fixture.Api.GetAsync("/authenticated", token);

        // Assert
        response.ShouldRefuseAsInvalidToken(TokenErrors.Malformed);
    }

    [Theory]
    [InlineData("header", "kid")]
    [InlineData("header", "alg")]
    [InlineData("payload", "exp")]
    [InlineData("payload", "client_id")]
    [InlineData("payload", "scopes")]
    public async Task A_registered_member_given_twice_is_malformed(string part, string member)
    {
        // Arrange: the member again at the end, with another value
        var header = TestTokens.HeaderJson(Key);
        var payload = PayloadJson();
        var duplicate = $",\"{member}\":\"other\"}}";
        var token = part == "header"
            ? TestTokens.SignRaw(Key, header[..^1] + duplicate, payload)
            : TestTokens.SignRaw(Key, header, payload[..^1] + duplicate);

        // Act
        using var response = await fixture.Api.GetAsync("/authenticated", token);

        // Assert
        response.ShouldRefuseAsInvalidToken(TokenErrors.Malformed);
    }

    [Fact]
    public async Task A_token_naming_neither_client_id_nor_sub_is_refused()
    {
        // Arrange
        var token = fixture.Issuer.TokenWith(p =>
        {
            p.Remove("client_id");
            p.Remove("sub");
        });

        // Act
        using var response = await fixture.Api.GetAsync("/authenticated", token);

        // Assert
        response.ShouldRefuseAsInvalidToken(TokenErrors.NoSubject);
    }

    [Theory]
    [InlineData("client_id", "")]
    [InlineData("client_id", 42)]
    [InlineData("sub", "")]
    [InlineData("sub", true)]
    public async Task A_client_id_or_sub_that_is_no_non_empty_string_is_malformed(string claim, object value)
    {
        // Arrange
        var token = fixture.Issuer.TokenWith(p => p[claim] = value);

        // Act
        using var response = await fixture.Api.GetAsync("/min/me", token);

        // Assert
        response.ShouldRefuseAsInvalidToken(TokenErrors.Malformed);
    }

    [Theory]
    [InlineData("sub")]
    [InlineData("client_id")]
    public async Task A_token_with_only_one_of_client_id_and_sub_yields_a_caller(string kept)
    {
        // Arrange
        var token = fixture.Issuer.TokenWith(p => p.Remove(kept == "sub" ? "client_id" : "sub"));

        // Act
        using var response = await fixture.Api.GetAsync("/min/me", token);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain(TestTokens.ClientId);
    }

    [Theory]
    [InlineData("{\"alg\":\"RS256\",\"kid\":\"\\ud800\"}")]             // a lone high surrogate in kid
    [InlineData("{\"alg\":\"RS256\",\"kid\":\"\\udfff\"}")]             // a lone low surrogate
    [InlineData("{\"alg\":\"RS256\",\"k\\ud800id\":\"snk_1\"}")]         // in a member name
    [InlineData("{\"alg\":\"RS256\",\"x\":[\"\\ud800\"]}")]             // nested in an unknown member
    public async Task A_header_with_invalid_unicode_is_malformed_and_leaves_anonymous_endpoints_alone(string header)
    {
        // Arrange
        var token = TestTokens.SignRaw(Key, header, PayloadJson());

        // Act
        using var protectedResponse = await fixture.Api.GetAsync("/authenticated", token);
        using var anonymousResponse = await fixture.Api.GetAsync("/anonymous", token);

        // Assert
        protectedResponse.ShouldRefuseAsInvalidToken(TokenErrors.Malformed);
        anonymousResponse.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xC0, 0x80 })]  // an overlong encoding
    [InlineData(new byte[] { 0xE2, 0x82 })]  // a truncated sequence
    public async Task A_payload_with_invalid_utf8_is_malformed(byte[] bytes)
    {
        // Arrange: the bytes inside a custom claim's string
        var payload = Encoding.UTF8.GetBytes(PayloadJson()[..^1] + ",\"note\":\"");
        var token = TestTokens.SignRaw(Key, Encoding.UTF8.GetBytes(TestTokens.HeaderJson(Key)), [.. payload, .. bytes, .. "\"}"u8.ToArray()]);

        // Act
        using var response = await fixture.Api.GetAsync("/authenticated", token);

        // Assert
        response.ShouldRefuseAsInvalidToken(TokenErrors.Malformed);
    }

    [Theory]
    [InlineData("padding")]
    [InlineData("five parts")]
    [InlineData("standard base64")]
    [InlineData("non-zero spare bits in the signature")]
    public async Task A_token_outside_the_compact_serialization_is_malformed(string defect)
    {
        // Arrange
        var parts = fixture.Issuer.Token(ApiHost.Read).Split('.');
        var token = defect switch
        {
            "padding" => $"{parts[0]}==.{parts[1]}.{parts[2]}",
            "five parts" => $"{parts[0]}.{parts[1]}.{parts[2]}.{parts[2]}.{parts[2]}",
            "non-zero spare bits in the signature" => $"{parts[0]}.{parts[1]}.{WithSpareBitSet(parts[2])}",
            _ => $"{parts[0]}.{parts[1].Replace('-', '+').Replace('_', '/')}+/.{parts[2]}",
        };

        // Act
        using var response = await fixture.Api.GetAsync("/authenticated", token);

        // Assert
        response.ShouldRefuseAsInvalidToken(TokenErrors.Malformed);
    }

    /// <summary>
    /// The same bytes spelt otherwise: the last character of an RS256 signature (342 characters, 2 modulo 4, so its
    /// low four bits are unused) with its lowest bit set. Base64url decoders that ignore spare bits read the same signature.
    /// </summary>
    private static string WithSpareBitSet(string signature)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        signature.Length.Should().Be(342);
        return signature[..^1] + alphabet[alphabet.IndexOf(signature[^1], StringComparison.Ordinal) | 1];
    }

    /// <summary>A valid token whose header is the key's RS256 header plus <paramref name="extraHeader"/>.</summary>
    private string TokenWithHeader(string extraHeader) =>
        TestTokens.SignRaw(Key, TestTokens.HeaderJson(Key, extraHeader), PayloadJson());

    /// <summary>The documented payload (scope read) as JSON text.</summary>
    private string PayloadJson() => JsonSerializer.Serialize(TestTokens.Payload(fixture.Issuer.EnvironmentUrl, ApiHost.Read));
}
