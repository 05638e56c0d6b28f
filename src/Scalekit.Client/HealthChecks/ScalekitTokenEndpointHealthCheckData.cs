namespace Scalekit.Client;

/// <summary>The keys of the data of the token-endpoint health check (<c>AddScalekitTokenEndpoint</c>).</summary>
public static class ScalekitTokenEndpointHealthCheckData
{
    /// <summary>The token endpoint the client asks (its address without query), a string.</summary>
    public const string TokenEndpoint = "token_endpoint";

    /// <summary>When the held token expires, a <see cref="DateTimeOffset"/>; absent while no token is held.</summary>
    public const string ExpiresAt = "expires_at";

    /// <summary>When the held token is replaced, a <see cref="DateTimeOffset"/>; absent while no token is held.</summary>
    public const string RefreshAt = "refresh_at";

    /// <summary>
    /// Why the last request failed: the OAuth error (<c>invalid_client</c>, …), <c>http_{status}</c>, or
    /// <c>unreachable</c>; absent when it succeeded.
    /// </summary>
    public const string LastError = "last_error";
}
