using System.Globalization;
using System.Security.Cryptography;

namespace Scalekit.Tokens;

/// <summary>
/// New ids in Scalekit's formats: a type prefix and 17 random digits, as Scalekit's own (<c>org_59615193906282635</c>).
/// </summary>
public static class ScalekitIds
{
    /// <summary>An organization id: <c>org_…</c>.</summary>
    /// <returns>A new id.</returns>
    public static string Organization() => "org_" + Digits();

    /// <summary>An API client id: <c>m2morg_…</c>.</summary>
    /// <returns>A new id.</returns>
    public static string ApiClient() => "m2morg_" + Digits();

    /// <summary>A client secret's id (not the secret): <c>sks_…</c>.</summary>
    /// <returns>A new id.</returns>
    public static string Secret() => "sks_" + Digits();

    /// <summary>A signing key id (<c>kid</c>): <c>snk_…</c>.</summary>
    /// <returns>A new id.</returns>
    public static string SigningKey() => "snk_" + Digits();

    /// <summary>An API key's id (not the key): <c>apit_…</c>, as Scalekit's API tokens.</summary>
    /// <returns>A new id.</returns>
    public static string ApiKey() => "apit_" + Digits();

    /// <summary>An access token id (<c>jti</c>): <c>tkn_…</c>.</summary>
    /// <returns>A new id.</returns>
    public static string Token() => "tkn_" + Digits();

    private static string Digits() =>
        (RandomNumberGenerator.GetInt32(10_000_000, 99_999_999) * 1_000_000_000L + RandomNumberGenerator.GetInt32(0, 1_000_000_000))
            .ToString(CultureInfo.InvariantCulture);
}
