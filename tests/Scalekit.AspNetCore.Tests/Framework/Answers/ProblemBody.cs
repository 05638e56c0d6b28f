using System.Text.Json;

namespace Scalekit.AspNetCore.Tests.Framework;

/// <summary>The fields of an <c>application/problem+json</c> body that the tests look at.</summary>
public sealed class ProblemBody
{
    public string? Type { get; init; }

    public string? Title { get; init; }

    public int? Status { get; init; }

    public string? Detail { get; init; }

    public string[]? RequiredScopes { get; init; }

    public string[]? MissingScopes { get; init; }

    public static ProblemBody Parse(string json) =>
        JsonSerializer.Deserialize<ProblemBody>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))
        ?? throw new InvalidOperationException("The problem body is empty.");
}
