using System.Security.Cryptography;

namespace Scalekit.AspNetCore.Testing.Internal;

/// <summary>What the registry found for a key or an id.</summary>
internal enum ApiKeyLookup
{
    /// <summary>Issued and not invalidated (it may still have expired).</summary>
    Current,

    /// <summary>Issued, then invalidated.</summary>
    Invalidated,

    /// <summary>Never issued by this authority.</summary>
    Unknown,
}

/// <summary>
/// The API keys a <see cref="ScalekitTestAuthority"/> issued, by key and by id, with those invalidated since. In memory
/// and thread-safe; the keys live as long as the authority.
/// </summary>
internal sealed class ApiKeyRegistry
{
    /// <summary>How every key starts: the emulator's prefix (<c>src/Scalekit.Emulator/Internal/Ids.cs</c>).</summary>
    public const string KeyPrefix = "skapi_";

    /// <summary>How every key id starts.</summary>
    public const string IdPrefix = "apit_";

    private readonly object _gate = new();
    private readonly Dictionary<string, ScalekitTestApiKey> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ScalekitTestApiKey> _byId = new(StringComparer.Ordinal);
    private readonly HashSet<string> _invalidated = new(StringComparer.Ordinal);

    /// <summary>A new key in the emulator's format: <c>skapi_</c> and 32 random bytes, base64url.</summary>
    public static string NewPlainKey() =>
        KeyPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public void Add(ScalekitTestApiKey key)
    {
        lock (_gate)
        {
            _byKey.Add(key.PlainKey, key);
            _byId.Add(key.Id, key);
        }
    }

    /// <summary>The key named by itself or by its id (<c>apit_…</c>), as Scalekit's ValidateToken takes either.</summary>
    public ApiKeyLookup Find(string keyOrId, out ScalekitTestApiKey? key)
    {
        lock (_gate)
        {
            var found = keyOrId.StartsWith(IdPrefix, StringComparison.Ordinal) ? _byId.GetValueOrDefault(keyOrId) : _byKey.GetValueOrDefault(keyOrId);
            key = found;
            return found is null ? ApiKeyLookup.Unknown : _invalidated.Contains(found.Id) ? ApiKeyLookup.Invalidated : ApiKeyLookup.Current;
        }
    }

    /// <summary>Invalidates the key; again is fine (Scalekit's InvalidateToken is idempotent).</summary>
    /// <returns><see langword="false"/> when no key or id matches.</returns>
    public bool Invalidate(string keyOrId)
    {
        lock (_gate)
        {
            if (Find(keyOrId, out var key) == ApiKeyLookup.Unknown)
            {
                return false;
            }

            _invalidated.Add(key!.Id);
            return true;
        }
    }
}
