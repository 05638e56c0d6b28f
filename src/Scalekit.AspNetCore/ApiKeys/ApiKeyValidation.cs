using System.Text.Json.Serialization;

namespace Scalekit.AspNetCore;

/// <summary>What asking about one API key came to.</summary>
internal enum ApiKeyOutcome
{
    /// <summary>Scalekit accepted the key: <see cref="ApiKeyValidation.Key"/> holds its details.</summary>
    Accepted,

    /// <summary>Scalekit refused it (unknown, invalidated or expired), or it expired since.</summary>
    Refused,

    /// <summary>
    /// Not asked: more keys were found in no cache than <see cref="ScalekitApiKeyOptions.ValidationsPerSecond"/> allows;
    /// <see cref="ApiKeyValidation.ValidUntil"/> is when the rate allows a call again. Never kept.
    /// </summary>
    Throttled,

    /// <summary>Scalekit could not be asked (unreachable, timed out, an error of its own or of the environment client).</summary>
    Unavailable,
}

/// <summary>
/// The answer about one API key, as the API key cache and the shared cache keep it (by the key's SHA-256, never the
/// key): the outcome, until when it stands, and for an accepted key its details.
/// </summary>
internal sealed record ApiKeyValidation(ApiKeyOutcome Outcome, DateTimeOffset ValidUntil, ApiKeyDetails? Key = null)
{
    /// <summary>
    /// When Scalekit gave the answer. The shared cache bounds what it reads by it: another instance may keep answers
    /// longer (<see cref="ApiKeySharedCache"/>).
    /// </summary>
    public DateTimeOffset? ValidatedAt { get; init; }

    /// <summary>Why it was not accepted, for the log; never key text. Not shared.</summary>
    [JsonIgnore]
    public string? Detail { get; init; }

    /// <summary>Whether the answer is one that is kept (Scalekit's yes or no) and still stands at <paramref name="now"/>.</summary>
    public bool StandsAt(DateTimeOffset now) =>
        Outcome is ApiKeyOutcome.Accepted or ApiKeyOutcome.Refused && now < ValidUntil;
}

/// <summary>An accepted key's details, as Scalekit's <c>tokens:validate</c> answered them.</summary>
internal sealed record ApiKeyDetails(
    string Id,
    string? OrganizationId,
    string? OrganizationExternalId,
    string? UserId,
    string? UserExternalId,
    string? Email,
    IReadOnlyList<string> Roles,
    IReadOnlyDictionary<string, string> CustomClaims,
    DateTimeOffset? Expiry);

/// <summary>The shared cache's JSON, source-generated (the library is AOT compatible).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ApiKeyValidation))]
internal sealed partial class ApiKeyJsonContext : JsonSerializerContext;
