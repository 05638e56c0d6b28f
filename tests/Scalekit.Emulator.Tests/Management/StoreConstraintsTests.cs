using Microsoft.Data.Sqlite;
using Scalekit.Emulator.Management;

namespace Scalekit.Emulator.Tests.Management;

/// <summary>A write that loses a race to a unique or foreign key ends as the operation's refusal, never a 500.</summary>
public sealed class StoreConstraintsTests
{
    [Theory]
    [InlineData(19)]
    [InlineData(2067)]
    [InlineData(787)]
    public void A_constraint_failure_becomes_the_refusal(int sqliteErrorCode)
    {
        // Act
        var result = StoreConstraints.Guard<string>(() => throw new SqliteException("constraint failed", sqliteErrorCode), () => ManagementError.Conflict("taken"));

        // Assert
        result.Error.Should().Be(ManagementError.Conflict("taken"));
    }

    [Fact]
    public void Another_database_error_is_not_hidden()
    {
        // Act
        var act = () => StoreConstraints.Guard<string>(() => throw new SqliteException("database is locked", 5), () => ManagementError.Conflict("taken"));

        // Assert
        act.Should().Throw<SqliteException>();
    }

    [Fact]
    public void A_write_that_succeeds_is_its_value()
    {
        // Act
        var result = StoreConstraints.Guard<string>(() => "written", () => ManagementError.Conflict("taken"));

        // Assert
        result.Value.Should().Be("written");
    }
}
