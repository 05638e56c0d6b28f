using System.Security.Cryptography;

namespace Scalekit.Emulator.Internal;

/// <summary>Scalekit-shaped identifiers (<c>org_</c>, <c>m2morg_</c>, <c>sks_</c>, <c>snk_</c>, <c>tkn_</c> followed by 17 digits) and secrets.</summary>
internal static class Ids
{
    public static string Organization() => "org_" + Digits();

    public static string ApiClient() => "m2morg_" + Digits();

    public static string Secret() => "sks_" + Digits();

    public static string SigningKey() => "snk_" + Digits();

    public static string Token() => "tkn_" + Digits();

    /// <summary>A client secret: 32 random bytes, URL-safe, prefixed like Scalekit's.</summary>
    public static string PlainSecret() =>
        "test_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Digits() =>
        (RandomNumberGenerator.GetInt32(10_000_000, 99_999_999) * 1_000_000_000L + RandomNumberGenerator.GetInt32(0, 1_000_000_000))
            .ToString(System.Globalization.CultureInfo.InvariantCulture);
}
