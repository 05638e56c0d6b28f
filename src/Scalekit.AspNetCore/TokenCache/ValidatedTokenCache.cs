using System.Buffers.Binary;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Scalekit.AspNetCore;

/// <summary>
/// The tokens that passed validation, keyed by the SHA-256 of the token (the token itself is never stored), so that
/// the same token on a later request skips parsing and signature work. A bounded <see cref="MemoryCache"/>: every
/// entry has a size (one unit per started 2 KiB of token) and the cache a size limit, and a full cache evicts expired
/// and least recently used entries in the background while new tokens are validated without being cached.
/// <list type="bullet">
/// <item>An entry never outlives the token's <c>exp</c> nor <see cref="ScalekitTokenCacheOptions.MaxAge"/>, by the library's <see cref="TimeProvider"/>.</item>
/// <item>An entry counts only while the JWKS still publishes the key instance that verified the token: a key that
/// disappears (or whose material changes under the same <c>kid</c>) invalidates the entries it validated.</item>
/// <item>Only successes are added; a failure is validated again every time.</item>
/// <item>A token is added the second time it is validated (<see cref="SeenOnceFilter"/>), unless
/// <see cref="ScalekitTokenCacheOptions.CacheOnFirstUse"/> is set.</item>
/// </list>
/// </summary>
internal sealed class ValidatedTokenCache : IDisposable
{
    /// <summary>The length of a key: the base64 text of a SHA-256 hash.</summary>
    private const int KeyLength = 44;

    /// <summary>Tokens up to this many characters take one unit of the cache's capacity, longer ones a unit per started block.</summary>
    private const int CharsPerUnit = 2048;

    private readonly MemoryCache _entries;
    private readonly TimeProvider _time;
    private readonly TimeSpan _maxAge;
    private readonly SeenOnceFilter? _seenOnce;

    public ValidatedTokenCache(ScalekitTokenCacheOptions options, TimeProvider time)
    {
        _time = time;
        _maxAge = options.MaxAge;
        _seenOnce = options.CacheOnFirstUse ? null : new SeenOnceFilter(options.MaxEntries);
        _entries = new MemoryCache(new MemoryCacheOptions
        {
            SizeLimit = options.MaxEntries,
            CompactionPercentage = 0.1,
            Clock = new Clock(time),
        });
    }

    /// <summary>How many tokens are cached (diagnostics and tests).</summary>
    public int Count => _entries.Count;

    /// <summary>
    /// The cached validation of <paramref name="token"/>, or <see langword="null"/> when there is none that still counts
    /// against <paramref name="keys"/> (the keys cached now) at the current time. Allocates nothing on a hit.
    /// </summary>
    public ValidatedToken? Find(ReadOnlySpan<char> token, SigningKeySet? keys) => Find(TokenHash.Of(token), keys);

    /// <summary>As <see cref="Find(ReadOnlySpan{char}, SigningKeySet?)"/>, for the token whose hash is <paramref name="hash"/>.</summary>
    public ValidatedToken? Find(in TokenHash hash, SigningKeySet? keys)
    {
        Span<char> key = stackalloc char[KeyLength];
        Convert.TryToBase64Chars(hash, key, out _);
        if (!_entries.TryGetValue(key, out var value) || value is not ValidatedToken entry)
        {
            return null;
        }

        if (Counts(entry, keys))
        {
            return entry;
        }

        _entries.Remove(new string(key));
        return null;
    }

    /// <summary>Whether <paramref name="entry"/> still stands: its signing key is in <paramref name="keys"/> (the same instance) and it has not expired.</summary>
    public bool Counts(ValidatedToken entry, SigningKeySet? keys) =>
        keys is not null && keys.Holds(entry.Kid, entry.Key) && _time.GetUtcNow() < entry.Expires;

    /// <summary>
    /// Remembers a successful validation of <paramref name="token"/>, when it came straight from JwtBearer's token handler
    /// (one <see cref="CaseSensitiveClaimsIdentity"/> holding the validated <see cref="JsonWebToken"/> and its signing key),
    /// has time left before it expires, and was validated before (see <see cref="SeenOnceFilter"/>). Returns whether it
    /// was added.
    /// </summary>
    public bool Add(ReadOnlySpan<char> token, AuthenticationTicket ticket) => Add(TokenHash.Of(token), token.Length, ticket);

    /// <summary>
    /// As <see cref="Add(ReadOnlySpan{char}, AuthenticationTicket)"/>, for the token of <paramref name="tokenLength"/>
    /// characters whose hash is <paramref name="hash"/>: a miss adds under the hash its lookup computed.
    /// </summary>
    public bool Add(in TokenHash hash, int tokenLength, AuthenticationTicket ticket)
    {
        ReadOnlySpan<byte> bytes = hash;
        if (_seenOnce?.SeenBefore(BinaryPrimitives.ReadUInt64LittleEndian(bytes)) == false || Describe(ticket) is not { } validated)
        {
            return false;
        }

        Span<char> key = stackalloc char[KeyLength];
        Convert.TryToBase64Chars(bytes, key, out _);
        var options = new MemoryCacheEntryOptions
        {
            AbsoluteExpiration = validated.Expires,
            Size = 1 + ((tokenLength - 1) / CharsPerUnit),
        };
        _entries.Set(new string(key), validated, options);
        return true;
    }

    /// <summary>Drops every entry (tests).</summary>
    public void Clear() => _entries.Clear();

    public void Dispose() => _entries.Dispose();

    private ValidatedToken? Describe(AuthenticationTicket ticket)
    {
        if (ticket.Principal.Identities.Count() != 1
            || ticket.Principal.Identity is not CaseSensitiveClaimsIdentity { SecurityToken: JsonWebToken { SigningKey: { KeyId: { Length: > 0 } kid } signingKey } jwt } identity
            || identity.Actor is not null
            || identity.BootstrapContext is not null)
        {
            return null;
        }

        var now = _time.GetUtcNow();
        var expires = new DateTimeOffset(DateTime.SpecifyKind(jwt.ValidTo, DateTimeKind.Utc));
        var maxAge = now + _maxAge;
        if (expires > maxAge)
        {
            expires = maxAge;
        }

        if (expires <= now)
        {
            return null;
        }

        var template = new CaseSensitiveClaimsIdentity(identity.Claims, identity.AuthenticationType, identity.NameClaimType, identity.RoleClaimType)
        {
            Label = identity.Label,
        };
        return new ValidatedToken(template, kid, signingKey, expires, ticket.Properties);
    }

    private sealed class Clock(TimeProvider time) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => time.GetUtcNow();
    }
}
