namespace Scalekit.Client.Management;

/// <summary>A secret of an API client as listed: never the secret itself, only its last characters.</summary>
/// <param name="Id">The id, such as <c>sks_68315758802764209</c>.</param>
/// <param name="CreateTime">When it was created.</param>
/// <param name="UpdateTime">When it was last changed.</param>
/// <param name="SecretSuffix">Its last characters, to tell secrets apart.</param>
/// <param name="Status">Such as <c>ACTIVE</c>.</param>
/// <param name="LastUsedTime">When a token was last requested with it.</param>
public sealed record ScalekitClientSecret(
    string Id,
    DateTimeOffset? CreateTime,
    DateTimeOffset? UpdateTime,
    string? SecretSuffix,
    string? Status,
    DateTimeOffset? LastUsedTime);
