using System.Numerics;

namespace Scalekit.AspNetCore;

/// <summary>
/// The validated-token cache's doorkeeper: remembers that a token was validated once, by a 64-bit tag of its hash, in
/// a fixed table, so that the cache admits a token only the second time it is validated. A flood of tokens each sent
/// once (many distinct tokens, as a brute-force or replay attempt or a load test sends) then fills no cache entry,
/// evicts nothing that real clients use and leaves no garbage behind; a real client, which sends its token again and
/// again, pays one more full validation per token. Fixed memory, no allocation, no lock: two tokens whose tags meet in
/// one slot only make each other wait for a later sight, and a tag match can only admit a token that was validated.
/// </summary>
internal sealed class SeenOnceFilter(int capacity)
{
    private readonly ulong[] _tags = new ulong[BitOperations.RoundUpToPowerOf2((uint)Math.Clamp(capacity, 1024, 1 << 20))];

    /// <summary>Whether the token of <paramref name="tag"/> was seen before; if not, it is remembered now.</summary>
    public bool SeenBefore(ulong tag)
    {
        tag |= 1; // 0 marks an empty slot
        var slot = (int)((tag >> 1) & (ulong)(_tags.Length - 1));
        return Interlocked.Exchange(ref _tags[slot], tag) == tag;
    }
}
