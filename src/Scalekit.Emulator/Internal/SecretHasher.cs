using System.Security.Cryptography;
using System.Text;

namespace Scalekit.Emulator.Internal;

/// <summary>
/// Client secrets are stored as a salted SHA-256 hash; only their last four characters are kept in clear.
/// The secrets are 256-bit random values, so a fast hash is enough (no password stretching needed).
/// </summary>
internal static class SecretHasher
{
    public static string Hash(string secret)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return Convert.ToBase64String(salt) + ":" + Convert.ToBase64String(Digest(salt, secret));
    }

    public static bool Verify(string secret, string stored)
    {
        var parts = stored.Split(':');
        if (parts.Length != 2)
        {
            return false;
        }

        var salt = Convert.FromBase64String(parts[0]);
        return CryptographicOperations.FixedTimeEquals(Digest(salt, secret), Convert.FromBase64String(parts[1]));
    }

    public static string Suffix(string secret) => secret.Length <= 4 ? secret : secret[^4..];

    private static byte[] Digest(byte[] salt, string secret) => SHA256.HashData([.. salt, .. Encoding.UTF8.GetBytes(secret)]);
}
