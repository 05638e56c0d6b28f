using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;

namespace Scalekit.AspNetCore.Tests.Framework;

/// <summary>Assertions on the answers of the protected API: RFC 6750 challenges, problem bodies and JSON results.</summary>
public static class ResponseAssertions
{
    public const string ProblemJson = "application/problem+json";

    /// <summary>The <c>WWW-Authenticate</c> values, or none.</summary>
    public static IEnumerable<string> Challenges(this HttpResponseMessage response) =>
        response.Headers.TryGetValues("WWW-Authenticate", out var values) ? values : [];

    /// <summary>401 with exactly <c>WWW-Authenticate: Bearer</c>: no token was sent, so no error is reported (RFC 6750 §3.1).</summary>
    public static void ShouldChallengeWithoutError(this HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Challenges().Should().Equal("Bearer");
    }

    /// <summary>401 with exactly <c>WWW-Authenticate: Bearer error="invalid_token", error_description="…"</c>.</summary>
    public static void ShouldRefuseAsInvalidToken(this HttpResponseMessage response, string description)
    {
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Challenges().Should().Equal($"Bearer error=\"invalid_token\", error_description=\"{description}\"");
    }

    /// <summary>The <c>application/problem+json</c> body.</summary>
    public static async Task<ProblemDetails> ReadProblemAsync(this HttpResponseMessage response)
    {
        response.Content.Headers.ContentType?.MediaType.Should().Be(ProblemJson);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        problem.Should().NotBeNull();
        return problem!;
    }

    /// <summary>Asserts 200 (showing the body otherwise) and reads the JSON result.</summary>
    public static async Task<T> ReadOkJsonAsync<T>(this HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var value = await response.Content.ReadFromJsonAsync<T>();
        value.Should().NotBeNull();
        return value!;
    }
}
