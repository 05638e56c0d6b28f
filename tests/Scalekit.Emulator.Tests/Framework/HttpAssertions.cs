using System.Net;
using System.Text.Json;

namespace Scalekit.Emulator.Tests.Framework;

/// <summary>Assertions on the emulator's answers: status plus JSON, RFC 6749 §5.2 errors and problem details.</summary>
public static class HttpAssertions
{
    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text.Length == 0 ? "null" : text);
        return document.RootElement.Clone();
    }

    public static async Task<JsonElement> ShouldHaveStatusAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(expected, "the body was {0}", body);
        return await response.ReadJsonAsync();
    }

    /// <summary>An OAuth error: exactly <c>error</c> and a non-empty <c>error_description</c>.</summary>
    public static async Task ShouldBeOAuthErrorAsync(this HttpResponseMessage response, HttpStatusCode status, string error)
    {
        var json = await response.ShouldHaveStatusAsync(status);
        json.PropertyNames().Should().BeEquivalentTo("error", "error_description");
        json.GetProperty("error").GetString().Should().Be(error);
        json.GetProperty("error_description").GetString().Should().NotBeNullOrWhiteSpace();
    }

    /// <summary>A problem details body (RFC 9457) with <paramref name="status"/> whose <c>detail</c> contains <paramref name="detail"/>.</summary>
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string detail)
    {
        var json = await response.ShouldHaveStatusAsync(status);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        json.GetProperty("status").GetInt32().Should().Be((int)status);
        json.GetProperty("detail").GetString().Should().Contain(detail);
        return json;
    }

    public static IEnumerable<string> PropertyNames(this JsonElement element) => element.EnumerateObject().Select(p => p.Name);

    public static IEnumerable<string?> Strings(this JsonElement array) => array.EnumerateArray().Select(e => e.GetString());
}
