using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Scalekit.Emulator.Storage;
using Scalekit.Tokens;

namespace Scalekit.Emulator.Tokens;

/// <summary>
/// The emulator's RSA signing keys, persisted so that a restart does not invalidate issued tokens. A rotation
/// publishes the new key at once, signs with it from its activation time, and keeps the old key in the JWKS for the
/// grace period before it is retired.
/// </summary>
/// <remarks>
/// The keys are held in memory, so the JWKS, discovery and token signing do not touch the database per request (and
/// keep answering while another connection locks it). They are loaded on first use, updated by <see cref="Rotate"/>,
/// and reloaded at most every <see cref="ReloadInterval"/>, which picks up a rotation by the <c>rotate-keys</c> command
/// or another emulator on the same file; a reload that finds the database locked keeps the keys in memory.
/// Retirement times are compared with the clock on every call, so a key leaves the JWKS the moment its time passes.
/// </remarks>
internal sealed class SigningKeyRing(EmulatorStore store, TimeProvider time, IOptions<ScalekitEmulatorOptions> options, ILogger<SigningKeyRing> logger)
{
    /// <summary>How old the keys in memory may grow before the next call reloads them from the database.</summary>
    public static readonly TimeSpan ReloadInterval = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, RsaSecurityKey> _parsed = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private volatile Snapshot? _snapshot;

    /// <summary>The keys in the JWKS now: every key not yet retired.</summary>
    public IReadOnlyList<(string Kid, RsaSecurityKey Key)> Published()
    {
        var now = Now();
        return Keys(now).Where(k => PublishedAt(k, now)).Select(k => (k.Kid, Parse(k))).ToList();
    }

    /// <summary>The key that signs now: the newest active key.</summary>
    public SigningCredentials Current()
    {
        var now = Now();
        return new SigningCredentials(Parse(Keys(now).Last(k => SignsAt(k, now))), SecurityAlgorithms.RsaSha256);
    }

    /// <summary>Publishes a new key that signs from now on; the previous keys stay published for <paramref name="gracePeriod"/>.</summary>
    /// <returns>The new key's <c>kid</c>.</returns>
    public string Rotate(TimeSpan? gracePeriod = null)
    {
        lock (_gate)
        {
            var now = Now();
            var keys = _snapshot?.Keys ?? store.ListSigningKeys();
            var key = NewKey(now);
            var retireAt = now + (gracePeriod ?? options.Value.KeyRotationGracePeriod);
            store.AddSigningKey(key, retireAt);

            // What AddSigningKey wrote, without reading it back: the next reload brings what others wrote meanwhile.
            _snapshot = new Snapshot([.. keys.Select(k => k.RetireAt is null ? k with { RetireAt = retireAt } : k), key], _snapshot?.LoadedAt ?? now);
            return key.Kid;
        }
    }

    /// <summary>The keys in memory, loaded or reloaded when due; among them a key that signs at <paramref name="now"/>.</summary>
    private IReadOnlyList<SigningKeyRecord> Keys(DateTime now)
    {
        var snapshot = _snapshot;
        if (snapshot is not null && snapshot.Keys.Any(k => SignsAt(k, now)))
        {
            if (now - snapshot.LoadedAt < ReloadInterval || !_gate.TryEnter())
            {
                // Fresh, or another caller is reloading them: answer from memory.
                return snapshot.Keys;
            }

            try
            {
                return Reload(now).Keys;
            }
            finally
            {
                _gate.Exit();
            }
        }

        lock (_gate)
        {
            // Never loaded, or no key signs now (a new database): load, and add a key when none signs.
            if (_snapshot is { } loadedMeanwhile && loadedMeanwhile.Keys.Any(k => SignsAt(k, now)))
            {
                return loadedMeanwhile.Keys;
            }

            var loaded = new Snapshot(store.ListSigningKeys(), now);
            if (!loaded.Keys.Any(k => SignsAt(k, now)))
            {
                var key = NewKey(now);
                store.AddSigningKey(key, retireOthersAt: null);
                loaded = loaded with { Keys = [.. loaded.Keys, key] };
            }

            _snapshot = loaded;
            return loaded.Keys;
        }
    }

    /// <summary>Reloads the keys; a database locked by another connection leaves them as they are until the next interval.</summary>
    private Snapshot Reload(DateTime now)
    {
        var current = _snapshot!;
        if (now - current.LoadedAt < ReloadInterval)
        {
            return current;
        }

        try
        {
            var loaded = new Snapshot(store.ListSigningKeys(), now);
            _snapshot = loaded.Keys.Any(k => SignsAt(k, now)) ? loaded : current with { LoadedAt = now };
        }
        catch (SqliteException exception) when (EmulatorDatabase.IsBusy(exception))
        {
            logger.SigningKeysReloadFailed(exception.Message, current.Keys.Count, ReloadInterval);
            _snapshot = current with { LoadedAt = now };
        }

        return _snapshot;
    }

    private DateTime Now() => time.GetUtcNow().UtcDateTime;

    private static bool PublishedAt(SigningKeyRecord key, DateTime now) => key.RetireAt is null || key.RetireAt > now;

    private static bool SignsAt(SigningKeyRecord key, DateTime now) => key.ActivateAt <= now && PublishedAt(key, now);

    private static SigningKeyRecord NewKey(DateTime now)
    {
        using var rsa = RSA.Create(2048);
        return new SigningKeyRecord(ScalekitIds.SigningKey(), rsa.ExportPkcs8PrivateKeyPem(), now, now, null);
    }

    private RsaSecurityKey Parse(SigningKeyRecord record) =>
        _parsed.GetOrAdd(record.Kid, _ =>
        {
            var rsa = RSA.Create();
            rsa.ImportFromPem(record.PrivateKeyPem);
            return new RsaSecurityKey(rsa) { KeyId = record.Kid };
        });

    /// <summary>The keys as last read from (or written to) the database, and when they were read.</summary>
    private sealed record Snapshot(IReadOnlyList<SigningKeyRecord> Keys, DateTime LoadedAt);
}
