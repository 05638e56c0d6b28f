namespace Scalekit.Client.Management;

/// <summary>
/// The body of a create or update of an API client (the registration parameters of Scalekit's "Add auth to your APIs" guide). Properties left
/// <see langword="null"/> are not sent: defaults on create, unchanged on update.
/// </summary>
public sealed class ScalekitApiClientRequest
{
    /// <summary>A descriptive name, such as <c>GitHub Actions Deployment Service</c>. Required on create.</summary>
    public string? Name { get; init; }

    /// <summary>What the client is for.</summary>
    public string? Description { get; init; }

    /// <summary>Key/value pairs its tokens carry under <c>custom_claims</c>.</summary>
    public IReadOnlyList<ScalekitCustomClaim>? CustomClaims { get; init; }

    /// <summary>The scopes the client may get, such as <c>deploy:applications</c>.</summary>
    public IReadOnlyList<string>? Scopes { get; init; }

    /// <summary>The APIs its tokens are for, such as <c>deployment-api.acmecorp.com</c>.</summary>
    public IReadOnlyList<string>? Audience { get; init; }

    /// <summary>Token lifetime in seconds; Scalekit's default is 3600.</summary>
    public long? Expiry { get; init; }
}
