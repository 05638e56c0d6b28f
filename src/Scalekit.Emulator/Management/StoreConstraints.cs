using Microsoft.Data.Sqlite;

namespace Scalekit.Emulator.Management;

/// <summary>
/// The store's unique and foreign keys as the last word on a race: an operation checks first for a clear message, and
/// a concurrent request that wins between the check and the write ends here as the same refusal, never a 500.
/// </summary>
internal static class StoreConstraints
{
    // SQLITE_CONSTRAINT_FOREIGNKEY, _PRIMARYKEY and _UNIQUE: only these say another request won. Other constraint
    // failures (a CHECK, a trigger's RAISE) are real errors and stay exceptions.
    private const int ForeignKey = 787;
    private const int PrimaryKey = 1555;
    private const int Unique = 2067;

    /// <summary>The result of <paramref name="write"/>, or <paramref name="refusal"/> when a constraint refused it.</summary>
    public static ManagementResult<T> Guard<T>(Func<ManagementResult<T>> write, Func<ManagementError> refusal)
    {
        try
        {
            return write();
        }
        catch (SqliteException exception) when (exception.SqliteExtendedErrorCode is ForeignKey or PrimaryKey or Unique)
        {
            return refusal();
        }
    }
}
