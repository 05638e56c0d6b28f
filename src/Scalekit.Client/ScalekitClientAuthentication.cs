namespace Scalekit.Client;

/// <summary>How the client authenticates to the token endpoint (RFC 6749 §2.3.1).</summary>
public enum ScalekitClientAuthentication
{
    /// <summary>
    /// <c>client_id</c> and <c>client_secret</c> in the form body (<c>client_secret_post</c>), as Scalekit's SDKs send
    /// them. The default.
    /// </summary>
    ClientSecretPost = 0,

    /// <summary><c>Authorization: Basic base64(client_id:client_secret)</c> (<c>client_secret_basic</c>).</summary>
    ClientSecretBasic = 1,
}
