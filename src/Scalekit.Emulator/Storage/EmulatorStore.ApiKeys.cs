using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Scalekit.Emulator.Internal;
using Scalekit.Tokens;

namespace Scalekit.Emulator.Storage;

/// <summary>
/// API keys (Scalekit's opaque API tokens). The key itself is shown once, when created; the store keeps its SHA-256
/// and its last four characters. A key is 256 random bits, so an unsalted hash is safe to look it up by. An invalidated
/// key stays, marked, so that invalidating it again succeeds (Scalekit's InvalidateToken is idempotent); nothing else
/// finds it.
/// </summary>
internal sealed partial class EmulatorStore
{
    private const string ApiKeyColumns =
        "k.id, k.organization_id, o.external_id, k.user_id, k.custom_claims, k.expiry, k.create_time, k.description, k.key_suffix " +
        "FROM api_keys k JOIN organizations o ON o.id = k.organization_id";

    private const string Current = "k.invalidated_time IS NULL";

    public (ApiKey Key, string PlainKey) CreateApiKey(string organizationId, string? userId, IReadOnlyDictionary<string, string> customClaims, DateTime? expiry, string? description)
    {
        var plain = Ids.PlainApiKey();
        var id = ScalekitIds.ApiKey();
        using var connection = database.Open();
        Execute(connection, null,
            "INSERT INTO api_keys (id, organization_id, user_id, key_hash, key_suffix, custom_claims, description, expiry, create_time) " +
            "VALUES ($id, $org, $user, $hash, $suffix, $claims, $description, $expiry, $now)",
            ("$id", id), ("$org", organizationId), ("$user", userId), ("$hash", ApiKeyHash(plain)), ("$suffix", plain[^4..]),
            ("$claims", JsonSerializer.Serialize(customClaims)), ("$description", description),
            ("$expiry", expiry is { } at ? Format(at) : null), ("$now", Format(Now())));
        return (LoadApiKey(connection, "k.id = $id", ("$id", id))!, plain);
    }

    /// <summary>The key whose plain text is <paramref name="plainKey"/>, or <see langword="null"/>.</summary>
    public ApiKey? FindApiKey(string plainKey)
    {
        using var connection = database.Open();
        return LoadApiKey(connection, $"k.key_hash = $hash AND {Current}", ("$hash", ApiKeyHash(plainKey)));
    }

    public ApiKey? GetApiKey(string id)
    {
        using var connection = database.Open();
        return LoadApiKey(connection, $"k.id = $id AND {Current}", ("$id", id));
    }

    /// <summary>Whether <paramref name="keyOrId"/> names a key that was issued here and invalidated since.</summary>
    public bool WasInvalidated(string keyOrId)
    {
        using var connection = database.Open();
        return Scalar(connection, "SELECT 1 FROM api_keys WHERE (id = $value OR key_hash = $hash) AND invalidated_time IS NOT NULL",
            ("$value", keyOrId), ("$hash", ApiKeyHash(keyOrId))) is not null;
    }

    public bool InvalidateApiKey(string id)
    {
        using var connection = database.Open();
        return Execute(connection, null, "UPDATE api_keys SET invalidated_time = $now WHERE id = $id AND invalidated_time IS NULL",
            ("$id", id), ("$now", Format(Now()))) > 0;
    }

    /// <summary>The organization's (or the user's) current keys: neither invalidated nor expired.</summary>
    public (IReadOnlyList<ApiKey> Page, int Total) ListApiKeys(string organizationId, string? userId, int offset, int pageSize)
    {
        const string Filter = $"WHERE k.organization_id = $org AND ($user IS NULL OR k.user_id = $user) AND {Current} AND (k.expiry IS NULL OR k.expiry > $now)";
        using var connection = database.Open();
        var total = Convert.ToInt32(
            Scalar(connection, $"SELECT COUNT(*) FROM api_keys k {Filter}", ("$org", organizationId), ("$user", userId), ("$now", Format(Now()))),
            CultureInfo.InvariantCulture);
        var page = Query(connection, null, $"SELECT {ApiKeyColumns} {Filter} ORDER BY k.seq LIMIT $limit OFFSET $offset", ReadApiKey,
            ("$org", organizationId), ("$user", userId), ("$now", Format(Now())), ("$limit", pageSize), ("$offset", offset));
        return (page, total);
    }

    /// <summary>Replaces the custom claims and, unless <paramref name="description"/> is <see langword="null"/>, the description (empty clears it).</summary>
    public ApiKey? UpdateApiKey(string id, IReadOnlyDictionary<string, string> customClaims, string? description)
    {
        using var connection = database.Open();
        var changed = Execute(connection, null,
            "UPDATE api_keys SET custom_claims = $claims, " +
            "description = CASE WHEN $description IS NULL THEN description WHEN $description = '' THEN NULL ELSE $description END WHERE id = $id",
            ("$id", id), ("$claims", JsonSerializer.Serialize(customClaims)), ("$description", description));
        return changed == 0 ? null : LoadApiKey(connection, "k.id = $id", ("$id", id));
    }

    private static ApiKey? LoadApiKey(SqliteConnection connection, string condition, params (string Name, object? Value)[] parameters) =>
        Query(connection, null, $"SELECT {ApiKeyColumns} WHERE {condition}", ReadApiKey, parameters).FirstOrDefault();

    private static ApiKey ReadApiKey(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
        JsonSerializer.Deserialize<Dictionary<string, string>>(r.GetString(4)) ?? [],
        r.IsDBNull(5) ? null : Parse(r.GetString(5)), Parse(r.GetString(6)), r.IsDBNull(7) ? null : r.GetString(7), r.GetString(8));

    private static string ApiKeyHash(string plainKey) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(plainKey)));
}
