using System.Collections.Frozen;
using Microsoft.IdentityModel.Tokens;

namespace Scalekit.AspNetCore;

/// <summary>
/// An immutable set of signing keys indexed by <c>kid</c>, as fetched at one moment. Several keys may share a
/// <c>kid</c> (RFC 7517 §4.5): all are kept, each bound to its one algorithm, and a token is checked only against the
/// keys of its <c>kid</c> bound to its <c>alg</c>.
/// </summary>
internal sealed class SigningKeySet
{
    private static readonly SecurityKey[] None = [];
    private readonly FrozenDictionary<string, Published> _byKid;

    /// <summary>
    /// Indexes <paramref name="keys"/>. A key that <paramref name="previous"/> already held, with the same <c>kid</c>,
    /// algorithm and JWK thumbprint, is carried over as the same instance: a key that stays published stays the same
    /// object across refreshes, which is what the validated-token cache checks its entries against. A key repeated
    /// under the same <c>kid</c> and algorithm is kept once.
    /// </summary>
    public SigningKeySet(IEnumerable<BoundSigningKey> keys, DateTimeOffset fetchedAt, SigningKeySet? previous = null)
    {
        _byKid = keys
            .Where(k => !string.IsNullOrEmpty(k.Key.KeyId))
            .GroupBy(k => k.Key.KeyId, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => Publish(g, previous), StringComparer.Ordinal);
        Count = _byKid.Values.Sum(p => p.Entries.Length);
        FetchedAt = fetchedAt;
    }

    public DateTimeOffset FetchedAt { get; }

    /// <summary>How many keys the set holds (a <c>kid</c> may have several).</summary>
    public int Count { get; }

    /// <summary>Whether <paramref name="kid"/> is published at all, whatever its keys' algorithms.</summary>
    public bool Contains(string kid) => _byKid.ContainsKey(kid);

    /// <summary>
    /// The keys published under <paramref name="kid"/> and bound to <paramref name="alg"/>, or none: a token is never
    /// tried against the keys of another <c>kid</c>, nor against a key of its <c>kid</c> bound to another algorithm
    /// (PS256 or RS512 on an RS256 key, ES256 on a P-384 key). A cached array: no allocation per call.
    /// </summary>
    public SecurityKey[] Find(string? kid, string? alg)
    {
        if (kid is null || alg is null || !_byKid.TryGetValue(kid, out var published))
        {
            return None;
        }

        foreach (var (algorithm, keys) in published.ByAlgorithm)
        {
            if (string.Equals(algorithm, alg, StringComparison.Ordinal))
            {
                return keys;
            }
        }

        return None;
    }

    /// <summary>Whether <paramref name="key"/> is still published under <paramref name="kid"/> (the same instance).</summary>
    public bool Holds(string kid, SecurityKey key)
    {
        if (!_byKid.TryGetValue(kid, out var published))
        {
            return false;
        }

        foreach (var entry in published.Entries)
        {
            if (ReferenceEquals(entry.Key, key))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The keys of one <c>kid</c>, carried over from <paramref name="previous"/> where unchanged, grouped by algorithm.</summary>
    private static Published Publish(IEnumerable<BoundSigningKey> keys, SigningKeySet? previous)
    {
        var entries = keys
            .Select(k => new Entry(k.Key, k.Algorithm, Thumbprint(k.Key)))
            .DistinctBy(e => (e.Algorithm, (object?)e.Thumbprint ?? e.Key))
            .Select(e => CarriedOver(e, previous) ?? e)
            .ToArray();
        var byAlgorithm = entries
            .GroupBy(e => e.Algorithm, StringComparer.Ordinal)
            .Select(g => new AlgorithmKeys(g.Key, g.Select(e => e.Key).ToArray()))
            .ToArray();
        return new Published(entries, byAlgorithm);
    }

    /// <summary>The entry <paramref name="previous"/> held for the same <c>kid</c>, algorithm and thumbprint, if any.</summary>
    private static Entry? CarriedOver(Entry entry, SigningKeySet? previous) =>
        entry.Thumbprint is not null && previous is not null && previous._byKid.TryGetValue(entry.Key.KeyId, out var earlier)
            ? earlier.Entries.FirstOrDefault(e =>
                string.Equals(e.Algorithm, entry.Algorithm, StringComparison.Ordinal)
                && string.Equals(e.Thumbprint, entry.Thumbprint, StringComparison.Ordinal))
            : null;

    private static string? Thumbprint(SecurityKey key) =>
        key.CanComputeJwkThumbprint() ? Convert.ToBase64String(key.ComputeJwkThumbprint()) : null;

    /// <summary>One published key, its algorithm and its JWK thumbprint (RFC 7638), when it has one.</summary>
    private sealed record Entry(SecurityKey Key, string Algorithm, string? Thumbprint);

    /// <summary>The keys of one <c>kid</c> bound to <see cref="Algorithm"/>, as the resolver hands them out.</summary>
    private readonly record struct AlgorithmKeys(string Algorithm, SecurityKey[] Keys);

    /// <summary>The keys of one <c>kid</c>: every one, and the same grouped by algorithm (a few at most: searched in order).</summary>
    private sealed record Published(Entry[] Entries, AlgorithmKeys[] ByAlgorithm);
}
