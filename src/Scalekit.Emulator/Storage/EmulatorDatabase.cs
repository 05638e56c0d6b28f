using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Scalekit.Emulator.Storage;

/// <summary>
/// The emulator's SQLite database: a file, or a private in-memory database kept alive by one open connection.
/// The schema is created on first use. A statement waits at most <see cref="BusyTimeout"/> for a lock that another
/// connection holds, then fails with a <see cref="SqliteException"/> that <see cref="IsBusy"/> recognises.
/// </summary>
internal sealed class EmulatorDatabase : IDisposable
{
    /// <summary>
    /// How long a statement waits for another connection's lock: SQLite's <c>busy_timeout</c>, and the command timeout
    /// within which Microsoft.Data.Sqlite retries a busy or locked statement (its default, 30 s, made a locked file
    /// hang requests). The emulator's own transactions take milliseconds.
    /// </summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(1);

    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    private const string Schema = """
        PRAGMA foreign_keys = ON;
        CREATE TABLE IF NOT EXISTS organizations (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            display_name TEXT NOT NULL,
            external_id TEXT UNIQUE,
            region_code TEXT,
            metadata TEXT NOT NULL,
            create_time TEXT NOT NULL,
            update_time TEXT NOT NULL,
            slug TEXT,
            logo_url TEXT);
        CREATE TABLE IF NOT EXISTS api_clients (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            client_id TEXT NOT NULL UNIQUE,
            organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            description TEXT NOT NULL,
            scopes TEXT NOT NULL,
            audience TEXT NOT NULL,
            custom_claims TEXT NOT NULL,
            expiry INTEGER NOT NULL,
            create_time TEXT NOT NULL,
            update_time TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS client_secrets (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            client_id TEXT NOT NULL REFERENCES api_clients(client_id) ON DELETE CASCADE,
            secret_hash TEXT NOT NULL,
            secret_suffix TEXT NOT NULL,
            status TEXT NOT NULL,
            create_time TEXT NOT NULL,
            update_time TEXT NOT NULL,
            last_used_time TEXT);
        CREATE TABLE IF NOT EXISTS signing_keys (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            kid TEXT NOT NULL UNIQUE,
            private_key_pem TEXT NOT NULL,
            create_time TEXT NOT NULL,
            activate_at TEXT NOT NULL,
            retire_at TEXT);
        CREATE TABLE IF NOT EXISTS api_keys (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
            user_id TEXT,
            key_hash TEXT NOT NULL UNIQUE,
            key_suffix TEXT NOT NULL,
            custom_claims TEXT NOT NULL,
            description TEXT,
            expiry TEXT,
            create_time TEXT NOT NULL,
            invalidated_time TEXT);
        """;

    /// <summary>Columns added after a database file may have been created: added when missing.</summary>
    private static readonly (string Table, string Column, string Type)[] AddedColumns =
    [
        ("organizations", "slug", "TEXT"),
        ("organizations", "logo_url", "TEXT"),
        ("api_keys", "invalidated_time", "TEXT"),
    ];

    private readonly string _connectionString;
    private readonly SqliteConnection? _keepAlive;

    public EmulatorDatabase(IOptions<ScalekitEmulatorOptions> options)
    {
        var database = options.Value.Database;
        if (database == ":memory:")
        {
            _connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = "scalekit-emulator-" + Guid.NewGuid().ToString("N"),
                Mode = SqliteOpenMode.Memory,
                Cache = SqliteCacheMode.Shared,
                DefaultTimeout = (int)BusyTimeout.TotalSeconds,
            }.ToString();
            _keepAlive = new SqliteConnection(_connectionString);
            _keepAlive.Open();
        }
        else
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(database));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            _connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = database,
                Pooling = false,
                DefaultTimeout = (int)BusyTimeout.TotalSeconds,
            }.ToString();
        }

        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = Schema;
        command.ExecuteNonQuery();
        AddMissingColumns(connection);
    }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = $"PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds};";
        pragma.ExecuteNonQuery();
        return connection;
    }

    /// <summary>
    /// Whether <paramref name="exception"/> says that another connection holds a lock: <c>SQLITE_BUSY</c> (a file lock,
    /// such as a <c>BEGIN EXCLUSIVE</c> in a sqlite3 shell) or <c>SQLITE_LOCKED</c> (a table lock of the shared cache),
    /// extended codes included. Such a request may succeed when retried.
    /// </summary>
    public static bool IsBusy(SqliteException exception) => (exception.SqliteErrorCode & 0xFF) is SqliteBusy or SqliteLocked;

    public void Dispose() => _keepAlive?.Dispose();

    private static void AddMissingColumns(SqliteConnection connection)
    {
        foreach (var (table, column, type) in AddedColumns)
        {
            using var exists = connection.CreateCommand();
            exists.CommandText = $"SELECT 1 FROM pragma_table_info('{table}') WHERE name = '{column}'";
            if (exists.ExecuteScalar() is null)
            {
                using var add = connection.CreateCommand();
                add.CommandText = $"ALTER TABLE {table} ADD COLUMN {column} {type}";
                add.ExecuteNonQuery();
            }
        }
    }
}
