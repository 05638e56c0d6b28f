using System.Security.Cryptography;

namespace Scalekit.Emulator.Internal;

/// <summary>The emulator's client secrets; ids come from <see cref="Scalekit.Tokens.ScalekitIds"/>.</summary>
internal static class Ids
{
    /// <summary>A client secret: 32 random bytes, URL-safe, prefixed like Scalekit's.</summary>
    public static string PlainSecret() =>
        "test_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
