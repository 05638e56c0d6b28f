using System.Buffers;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace Scalekit.AspNetCore;

/// <summary>
/// The SHA-256 of a token's UTF-8 bytes: the <see cref="ValidatedTokenCache"/>'s key for it. A value of its own, so
/// that a request computes it once, at the lookup, and a miss adds its validation under the same hash.
/// </summary>
[InlineArray(SHA256.HashSizeInBytes)]
internal struct TokenHash
{
    /// <summary>Tokens of up to this many UTF-8 bytes are hashed from a stack buffer.</summary>
    private const int StackLimit = 4096;

    private byte _first;

    /// <summary>
    /// Hashes <paramref name="token"/>. Its bytes are encoded on the stack (a pooled buffer for unusually long tokens)
    /// and wiped after hashing: a token is a credential.
    /// </summary>
    public static TokenHash Of(ReadOnlySpan<char> token)
    {
        var hash = default(TokenHash);
        var length = Encoding.UTF8.GetByteCount(token);
        var rented = length > StackLimit ? ArrayPool<byte>.Shared.Rent(length) : null;
        Span<byte> bytes = rented is not null ? rented.AsSpan(0, length) : stackalloc byte[length];
        Encoding.UTF8.GetBytes(token, bytes);
        SHA256.HashData(bytes, hash);
        CryptographicOperations.ZeroMemory(bytes);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return hash;
    }
}
