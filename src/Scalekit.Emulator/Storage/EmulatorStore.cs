using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Scalekit.Emulator.Internal;
using Scalekit.Tokens;

namespace Scalekit.Emulator.Storage;

/// <summary>
/// Organizations, API clients, secrets and signing keys in SQLite. Every write that touches more than one row runs in
/// one transaction, so a failed request leaves nothing half-written.
/// </summary>
internal sealed class EmulatorStore(EmulatorDatabase database, TimeProvider time)
{
    private const string ClientColumns = "client_id, organization_id, name, description, scopes, audience, custom_claims, expiry, create_time, update_time";

    public DateTime Now() => time.GetUtcNow().UtcDateTime;

    // Organizations ---------------------------------------------------------------------------------------------

    public Organization CreateOrganization(string displayName, string? externalId, string? regionCode, IReadOnlyDictionary<string, string> metadata)
    {
        var now = Now();
        var organization = new Organization(ScalekitIds.Organization(), now, now, displayName, regionCode, externalId, metadata);
        using var connection = database.Open();
        Execute(connection, null,
            "INSERT INTO organizations (id, display_name, external_id, region_code, metadata, create_time, update_time) VALUES ($id, $name, $external, $region, $metadata, $now, $now)",
            ("$id", organization.Id), ("$name", displayName), ("$external", externalId), ("$region", regionCode),
            ("$metadata", JsonSerializer.Serialize(metadata)), ("$now", Format(now)));
        return organization;
    }

    public Organization? GetOrganization(string id)
    {
        using var connection = database.Open();
        return Query(connection, null, "SELECT id, display_name, external_id, region_code, metadata, create_time, update_time FROM organizations WHERE id = $id",
            ReadOrganization, ("$id", id)).FirstOrDefault();
    }

    public (IReadOnlyList<Organization> Page, int Total) ListOrganizations(int offset, int pageSize, string? externalId)
    {
        using var connection = database.Open();
        const string Filter = "WHERE ($external IS NULL OR external_id = $external)";
        var total = Convert.ToInt32(Scalar(connection, $"SELECT COUNT(*) FROM organizations {Filter}", ("$external", externalId)), CultureInfo.InvariantCulture);
        var page = Query(connection, null,
            $"SELECT id, display_name, external_id, region_code, metadata, create_time, update_time FROM organizations {Filter} ORDER BY seq LIMIT $limit OFFSET $offset",
            ReadOrganization, ("$external", externalId), ("$limit", pageSize), ("$offset", offset));
        return (page, total);
    }

    public bool ExternalIdExists(string externalId)
    {
        using var connection = database.Open();
        return Scalar(connection, "SELECT 1 FROM organizations WHERE external_id = $external", ("$external", externalId)) is not null;
    }

    // API clients -----------------------------------------------------------------------------------------------

    public (ApiClient Client, string PlainSecret) CreateClient(string organizationId, ApiClientSpec spec)
    {
        var now = Now();
        var clientId = ScalekitIds.ApiClient();
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction,
            $"INSERT INTO api_clients ({ClientColumns}) VALUES ($id, $org, $name, $description, $scopes, $audience, $claims, $expiry, $now, $now)",
            ClientParameters(clientId, organizationId, spec, now));
        var plain = InsertSecret(connection, transaction, clientId, now);
        transaction.Commit();
        return (LoadClient(connection, organizationId, clientId)!, plain);
    }

    public IReadOnlyList<ApiClient> ListClients(string organizationId)
    {
        using var connection = database.Open();
        return Query(connection, null, $"SELECT {ClientColumns} FROM api_clients WHERE organization_id = $org ORDER BY seq", ReadClientRow, ("$org", organizationId))
            .Select(row => row.With(LoadSecrets(connection, row.ClientId)))
            .ToList();
    }

    public ApiClient? GetClient(string organizationId, string clientId)
    {
        using var connection = database.Open();
        return LoadClient(connection, organizationId, clientId);
    }

    public ApiClient? UpdateClient(string organizationId, string clientId, ApiClientSpec spec)
    {
        using var connection = database.Open();
        var changed = Execute(connection, null,
            "UPDATE api_clients SET name = $name, description = $description, scopes = $scopes, audience = $audience, custom_claims = $claims, expiry = $expiry, update_time = $now " +
            "WHERE client_id = $id AND organization_id = $org",
            ClientParameters(clientId, organizationId, spec, Now()));
        return changed == 0 ? null : LoadClient(connection, organizationId, clientId);
    }

    public bool DeleteClient(string organizationId, string clientId)
    {
        using var connection = database.Open();
        return Execute(connection, null, "DELETE FROM api_clients WHERE client_id = $id AND organization_id = $org", ("$id", clientId), ("$org", organizationId)) > 0;
    }

    public (ClientSecret Secret, string PlainSecret)? AddSecret(string organizationId, string clientId)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        if (Scalar(connection, transaction, "SELECT 1 FROM api_clients WHERE client_id = $id AND organization_id = $org", ("$id", clientId), ("$org", organizationId)) is null)
        {
            return null;
        }

        var plain = InsertSecret(connection, transaction, clientId, Now());
        transaction.Commit();
        var secret = LoadSecrets(connection, clientId).Last();
        return (secret, plain);
    }

    public bool RevokeSecret(string organizationId, string clientId, string secretId)
    {
        using var connection = database.Open();
        return Execute(connection, null,
            "DELETE FROM client_secrets WHERE id = $secret AND client_id IN (SELECT client_id FROM api_clients WHERE client_id = $id AND organization_id = $org)",
            ("$secret", secretId), ("$id", clientId), ("$org", organizationId)) > 0;
    }

    /// <summary>The client whose id and secret match, with the secret's last-used time updated; <see langword="null"/> otherwise.</summary>
    public ApiClient? Authenticate(string clientId, string secret)
    {
        using var connection = database.Open();
        var hashes = Query(connection, null, "SELECT id, secret_hash FROM client_secrets WHERE client_id = $id AND status = 'ACTIVE'",
            r => (Id: r.GetString(0), Hash: r.GetString(1)), ("$id", clientId));
        var match = hashes.FirstOrDefault(h => SecretHasher.Verify(secret, h.Hash));
        if (match.Id is null)
        {
            return null;
        }

        Execute(connection, null, "UPDATE client_secrets SET last_used_time = $now WHERE id = $secret", ("$now", Format(Now())), ("$secret", match.Id));
        var organizationId = (string)Scalar(connection, "SELECT organization_id FROM api_clients WHERE client_id = $id", ("$id", clientId))!;
        return LoadClient(connection, organizationId, clientId);
    }

    // Signing keys ----------------------------------------------------------------------------------------------

    public IReadOnlyList<SigningKeyRecord> ListSigningKeys()
    {
        using var connection = database.Open();
        return Query(connection, null, "SELECT kid, private_key_pem, create_time, activate_at, retire_at FROM signing_keys ORDER BY seq",
            r => new SigningKeyRecord(r.GetString(0), r.GetString(1), Parse(r.GetString(2)), Parse(r.GetString(3)), r.IsDBNull(4) ? null : Parse(r.GetString(4))));
    }

    /// <summary>Adds <paramref name="key"/> and sets the retirement time of every key that has none yet, in one transaction.</summary>
    public void AddSigningKey(SigningKeyRecord key, DateTime? retireOthersAt)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        if (retireOthersAt is { } retireAt)
        {
            Execute(connection, transaction, "UPDATE signing_keys SET retire_at = $retire WHERE retire_at IS NULL", ("$retire", Format(retireAt)));
        }

        Execute(connection, transaction,
            "INSERT INTO signing_keys (kid, private_key_pem, create_time, activate_at, retire_at) VALUES ($kid, $pem, $create, $activate, NULL)",
            ("$kid", key.Kid), ("$pem", key.PrivateKeyPem), ("$create", Format(key.CreateTime)), ("$activate", Format(key.ActivateAt)));
        transaction.Commit();
    }

    // Helpers ---------------------------------------------------------------------------------------------------

    private static string InsertSecret(SqliteConnection connection, SqliteTransaction transaction, string clientId, DateTime now)
    {
        var plain = Ids.PlainSecret();
        Execute(connection, transaction,
            "INSERT INTO client_secrets (id, client_id, secret_hash, secret_suffix, status, create_time, update_time) VALUES ($id, $client, $hash, $suffix, 'ACTIVE', $now, $now)",
            ("$id", ScalekitIds.Secret()), ("$client", clientId), ("$hash", SecretHasher.Hash(plain)), ("$suffix", SecretHasher.Suffix(plain)), ("$now", Format(now)));
        return plain;
    }

    private static ApiClient? LoadClient(SqliteConnection connection, string organizationId, string clientId) =>
        Query(connection, null, $"SELECT {ClientColumns} FROM api_clients WHERE client_id = $id AND organization_id = $org", ReadClientRow,
                ("$id", clientId), ("$org", organizationId))
            .Select(row => row.With(LoadSecrets(connection, clientId)))
            .FirstOrDefault();

    private static List<ClientSecret> LoadSecrets(SqliteConnection connection, string clientId) =>
        Query(connection, null, "SELECT id, create_time, update_time, secret_suffix, status, last_used_time FROM client_secrets WHERE client_id = $id ORDER BY seq",
            r => new ClientSecret(r.GetString(0), Parse(r.GetString(1)), Parse(r.GetString(2)), r.GetString(3), r.GetString(4), r.IsDBNull(5) ? null : Parse(r.GetString(5))),
            ("$id", clientId));

    private static (string, object?)[] ClientParameters(string clientId, string organizationId, ApiClientSpec spec, DateTime now) =>
    [
        ("$id", clientId), ("$org", organizationId), ("$name", spec.Name), ("$description", spec.Description),
        ("$scopes", JsonSerializer.Serialize(spec.Scopes)), ("$audience", JsonSerializer.Serialize(spec.Audience)),
        ("$claims", JsonSerializer.Serialize(spec.CustomClaims, EmulatorJson.Options)), ("$expiry", spec.Expiry), ("$now", Format(now)),
    ];

    private static Organization ReadOrganization(SqliteDataReader r) => new(
        r.GetString(0), Parse(r.GetString(5)), Parse(r.GetString(6)), r.GetString(1),
        r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(2) ? null : r.GetString(2),
        JsonSerializer.Deserialize<Dictionary<string, string>>(r.GetString(4)) ?? []);

    private static ClientRow ReadClientRow(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3),
        JsonSerializer.Deserialize<string[]>(r.GetString(4)) ?? [],
        JsonSerializer.Deserialize<string[]>(r.GetString(5)) ?? [],
        JsonSerializer.Deserialize<CustomClaim[]>(r.GetString(6), EmulatorJson.Options) ?? [],
        r.GetInt64(7), Parse(r.GetString(8)), Parse(r.GetString(9)));

    private static int Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters) =>
        Scalar(connection, null, sql, parameters);

    private static object? Scalar(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return command.ExecuteScalar();
    }

    private static List<T> Query<T>(SqliteConnection connection, SqliteTransaction? transaction, string sql, Func<SqliteDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static string Format(DateTime value) => value.ToString("O", CultureInfo.InvariantCulture);

    private static DateTime Parse(string value) => DateTime.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    private sealed record ClientRow(
        string ClientId, string OrganizationId, string Name, string Description, string[] Scopes, string[] Audience,
        CustomClaim[] CustomClaims, long Expiry, DateTime CreateTime, DateTime UpdateTime)
    {
        public ApiClient With(IReadOnlyList<ClientSecret> secrets) =>
            new(ClientId, secrets, Name, Description, OrganizationId, CreateTime, UpdateTime, Scopes, Audience, CustomClaims, Expiry);
    }
}
