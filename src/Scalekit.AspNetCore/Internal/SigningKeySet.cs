using System.Collections.Frozen;
using Microsoft.IdentityModel.Tokens;

namespace Scalekit.AspNetCore.Internal;

/// <summary>An immutable set of signing keys indexed by <c>kid</c>, as fetched at one moment.</summary>
internal sealed class SigningKeySet
{
    private static readonly SecurityKey[] None = [];
    private readonly FrozenDictionary<string, SecurityKey[]> _byKid;

    public SigningKeySet(IEnumerable<SecurityKey> keys, DateTimeOffset fetchedAt)
    {
        // One single-element array per key, so that the resolver hands out a cached array and allocates nothing.
        _byKid = keys
            .Where(k => !string.IsNullOrEmpty(k.KeyId))
            .GroupBy(k => k.KeyId, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => new[] { g.First() }, StringComparer.Ordinal);
        FetchedAt = fetchedAt;
    }

    public DateTimeOffset FetchedAt { get; }

    public int Count => _byKid.Count;

    public IEnumerable<string> KeyIds => _byKid.Keys;

    public bool Contains(string kid) => _byKid.ContainsKey(kid);

    /// <summary>The key whose <c>kid</c> matches, or nothing: a token without a known <c>kid</c> is never tried against other keys.</summary>
    public SecurityKey[] Find(string? kid) =>
        kid is not null && _byKid.TryGetValue(kid, out var key) ? key : None;
}
