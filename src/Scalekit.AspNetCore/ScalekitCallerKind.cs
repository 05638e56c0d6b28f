namespace Scalekit.AspNetCore;

/// <summary>How the caller a <see cref="ScalekitClient"/> describes authenticated.</summary>
public enum ScalekitCallerKind
{
    /// <summary>An API client's access token (a JWT from client credentials), with scopes.</summary>
    ApiClient,

    /// <summary>An API key of an organization or a user (opaque, checked by asking Scalekit), without scopes.</summary>
    ApiKey,
}
