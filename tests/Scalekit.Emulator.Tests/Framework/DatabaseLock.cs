using Microsoft.Data.Sqlite;

namespace Scalekit.Emulator.Tests.Framework;

/// <summary>
/// Another connection's <c>BEGIN EXCLUSIVE</c> on a database file, as a sqlite3 shell or a second process would hold it:
/// no other connection reads or writes the file until it is disposed.
/// </summary>
public sealed class DatabaseLock : IDisposable
{
    private readonly SqliteConnection _connection;

    private DatabaseLock(SqliteConnection connection) => _connection = connection;

    public static DatabaseLock Take(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN EXCLUSIVE";
        begin.ExecuteNonQuery();
        return new DatabaseLock(connection);
    }

    public void Dispose()
    {
        using (var rollback = _connection.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK";
            rollback.ExecuteNonQuery();
        }

        _connection.Dispose();
    }
}
