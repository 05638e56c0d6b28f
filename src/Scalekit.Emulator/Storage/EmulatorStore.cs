using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Scalekit.Emulator.Storage;

/// <summary>
/// Organizations, API clients, secrets and signing keys in SQLite. Every write that touches more than one row runs in
/// one transaction, so a failed request leaves nothing half-written.
/// </summary>
internal sealed partial class EmulatorStore(EmulatorDatabase database, TimeProvider time)
{
    public DateTime Now() => time.GetUtcNow().UtcDateTime;

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
}
