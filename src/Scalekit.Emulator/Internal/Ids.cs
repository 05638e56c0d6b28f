using System.Security.Cryptography;

namespace Scalekit.Emulator.Internal;

/// <summary>The emulator's secrets and API keys; ids come from <see cref="Scalekit.Tokens.ScalekitIds"/>.</summary>
internal static class Ids
{
    /// <summary>How every API key the emulator issues starts.</summary>
    public const string ApiKeyPrefix = "skapi_";

    /// <summary>A client secret: 32 random bytes, URL-safe, prefixed like Scalekit's.</summary>
    public static string PlainSecret() => "test_" + Random256();

    /// <summary>An API key: 32 random bytes, URL-safe, after <see cref="ApiKeyPrefix"/>.</summary>
    public static string PlainApiKey() => ApiKeyPrefix + Random256();

    private static string Random256() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
