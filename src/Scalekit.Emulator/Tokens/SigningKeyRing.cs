using System.Collections.Concurrent;
using System.Security.Cryptography;
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
internal sealed class SigningKeyRing(EmulatorStore store, TimeProvider time, IOptions<ScalekitEmulatorOptions> options)
{
    private readonly ConcurrentDictionary<string, RsaSecurityKey> _parsed = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    /// <summary>The keys in the JWKS now: every key not yet retired.</summary>
    public IReadOnlyList<(string Kid, RsaSecurityKey Key)> Published()
    {
        EnsureKey();
        var now = time.GetUtcNow().UtcDateTime;
        return store.ListSigningKeys().Where(k => PublishedAt(k, now)).Select(k => (k.Kid, Parse(k))).ToList();
    }

    /// <summary>The key that signs now: the newest active key.</summary>
    public SigningCredentials Current()
    {
        EnsureKey();
        var now = time.GetUtcNow().UtcDateTime;
        var key = store.ListSigningKeys().Last(k => SignsAt(k, now));
        return new SigningCredentials(Parse(key), SecurityAlgorithms.RsaSha256);
    }

    /// <summary>Publishes a new key that signs from now on; the previous keys stay published for <paramref name="gracePeriod"/>.</summary>
    /// <returns>The new key's <c>kid</c>.</returns>
    public string Rotate(TimeSpan? gracePeriod = null)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var key = NewKey(now);
            store.AddSigningKey(key, now + (gracePeriod ?? options.Value.KeyRotationGracePeriod));
            return key.Kid;
        }
    }

    private void EnsureKey()
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (store.ListSigningKeys().Any(k => SignsAt(k, now)))
        {
            return;
        }

        lock (_gate)
        {
            if (!store.ListSigningKeys().Any(k => SignsAt(k, now)))
            {
                store.AddSigningKey(NewKey(now), retireOthersAt: null);
            }
        }
    }

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
}
