using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Scalekit.Emulator.Internal;
using Scalekit.Tokens;

namespace Scalekit.Emulator.Storage;

/// <summary>An organization's API clients and their secrets, stored as salted hashes (<see cref="SecretHasher"/>).</summary>
internal sealed partial class EmulatorStore
{
    private const string ClientColumns = "client_id, organization_id, name, description, scopes, audience, custom_claims, expiry, create_time, update_time";

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

    public (IReadOnlyList<ApiClient> Page, int Total) ListClients(string organizationId, int offset, int pageSize)
    {
        using var connection = database.Open();
        var total = Convert.ToInt32(Scalar(connection, "SELECT COUNT(*) FROM api_clients WHERE organization_id = $org", ("$org", organizationId)), CultureInfo.InvariantCulture);
        var page = Query(connection, null, $"SELECT {ClientColumns} FROM api_clients WHERE organization_id = $org ORDER BY seq LIMIT $limit OFFSET $offset", ReadClientRow,
                ("$org", organizationId), ("$limit", pageSize), ("$offset", offset))
            .Select(row => row.With(LoadSecrets(connection, row.ClientId)))
            .ToList();
        return (page, total);
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

    /// <summary>Deletes the secret unless it is the client's last one, which would leave a client that can never get a token.</summary>
    public SecretRevocation RevokeSecret(string organizationId, string clientId, string secretId)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var secrets = Query(connection, transaction,
            "SELECT s.id FROM client_secrets s JOIN api_clients c ON c.client_id = s.client_id WHERE c.client_id = $id AND c.organization_id = $org",
            r => r.GetString(0), ("$id", clientId), ("$org", organizationId));
        if (!secrets.Contains(secretId, StringComparer.Ordinal))
        {
            return SecretRevocation.NotFound;
        }

        if (secrets.Count == 1)
        {
            return SecretRevocation.LastSecret;
        }

        Execute(connection, transaction, "DELETE FROM client_secrets WHERE id = $secret", ("$secret", secretId));
        transaction.Commit();
        return SecretRevocation.Revoked;
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

    private static ClientRow ReadClientRow(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3),
        JsonSerializer.Deserialize<string[]>(r.GetString(4)) ?? [],
        JsonSerializer.Deserialize<string[]>(r.GetString(5)) ?? [],
        JsonSerializer.Deserialize<CustomClaim[]>(r.GetString(6), EmulatorJson.Options) ?? [],
        r.GetInt64(7), Parse(r.GetString(8)), Parse(r.GetString(9)));

    private sealed record ClientRow(
        string ClientId, string OrganizationId, string Name, string Description, string[] Scopes, string[] Audience,
        CustomClaim[] CustomClaims, long Expiry, DateTime CreateTime, DateTime UpdateTime)
    {
        public ApiClient With(IReadOnlyList<ClientSecret> secrets) =>
            new(ClientId, secrets, Name, Description, OrganizationId, CreateTime, UpdateTime, Scopes, Audience, CustomClaims, Expiry);
    }
}

/// <summary>What <see cref="EmulatorStore.RevokeSecret"/> did.</summary>
internal enum SecretRevocation
{
    /// <summary>The secret is deleted.</summary>
    Revoked,

    /// <summary>The client or the secret does not exist.</summary>
    NotFound,

    /// <summary>The secret is the client's only one and stays.</summary>
    LastSecret,
}
