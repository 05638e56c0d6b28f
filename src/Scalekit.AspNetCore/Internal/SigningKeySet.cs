using System.Collections.Frozen;
using Microsoft.IdentityModel.Tokens;

namespace Scalekit.AspNetCore.Internal;

/// <summary>An immutable set of signing keys indexed by <c>kid</c>, as fetched at one moment.</summary>
internal sealed class SigningKeySet
{
    private static readonly SecurityKey[] None = [];
    private readonly FrozenDictionary<string, Published> _byKid;

    /// <summary>
    /// Indexes <paramref name="keys"/>. A key that <paramref name="previous"/> already held, with the same <c>kid</c> and
    /// the same JWK thumbprint, is carried over as the same instance: a key that stays published stays the same object
    /// across refreshes, which is what the validated-token cache checks its entries against.
    /// </summary>
    public SigningKeySet(IEnumerable<SecurityKey> keys, DateTimeOffset fetchedAt, SigningKeySet? previous = null)
    {
        // One single-element array per key, so that the resolver hands out a cached array and allocates nothing.
        _byKid = keys
            .Where(k => !string.IsNullOrEmpty(k.KeyId))
            .GroupBy(k => k.KeyId, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => Publish(g.First(), previous), StringComparer.Ordinal);
        FetchedAt = fetchedAt;
    }

    public DateTimeOffset FetchedAt { get; }

    public int Count => _byKid.Count;

    public bool Contains(string kid) => _byKid.ContainsKey(kid);

    /// <summary>The key whose <c>kid</c> matches, or nothing: a token without a known <c>kid</c> is never tried against other keys.</summary>
    public SecurityKey[] Find(string? kid) =>
        kid is not null && _byKid.TryGetValue(kid, out var published) ? published.Keys : None;

    /// <summary>Placeholder until keys are bound to algorithms.</summary>
    public SecurityKey[] Find(string? kid, string? alg) => Find(kid);

    /// <summary>Whether <paramref name="key"/> is still published under <paramref name="kid"/> (the same instance).</summary>
    public bool Holds(string kid, SecurityKey key) =>
        _byKid.TryGetValue(kid, out var published) && ReferenceEquals(published.Keys[0], key);

    private static Published Publish(SecurityKey key, SigningKeySet? previous)
    {
        var thumbprint = key.CanComputeJwkThumbprint() ? Convert.ToBase64String(key.ComputeJwkThumbprint()) : null;
        return previous is not null
            && previous._byKid.TryGetValue(key.KeyId, out var earlier)
            && thumbprint is not null
            && string.Equals(earlier.Thumbprint, thumbprint, StringComparison.Ordinal)
                ? earlier
                : new Published([key], thumbprint);
    }

    private sealed record Published(SecurityKey[] Keys, string? Thumbprint);
}
