using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Scalekit.Emulator.Management;
using Scalekit.Emulator.Organizations;
using Scalekit.Emulator.Storage;

namespace Scalekit.Emulator.Tests.Management;

/// <summary>A write that loses a race to a unique or foreign key ends as the operation's refusal, never a 500.</summary>
public sealed class StoreConstraintsTests
{
    [Theory]
    [InlineData(2067)]
    [InlineData(1555)]
    [InlineData(787)]
    public void A_unique_or_foreign_key_failure_becomes_the_refusal(int extendedErrorCode)
    {
        // Act
        var result = StoreConstraints.Guard<string>(() => throw new SqliteException("constraint failed", 19, extendedErrorCode), () => ManagementError.Conflict("taken"));

        // Assert
        result.Error.Should().Be(ManagementError.Conflict("taken"));
    }

    [Theory]
    [InlineData(5, 5)]
    [InlineData(19, 1811)]
    [InlineData(19, 275)]
    public void Another_database_error_is_not_hidden(int errorCode, int extendedErrorCode)
    {
        // Act
        var act = () => StoreConstraints.Guard<string>(() => throw new SqliteException("failed", errorCode, extendedErrorCode), () => ManagementError.Conflict("taken"));

        // Assert
        act.Should().Throw<SqliteException>();
    }

    [Fact]
    public async Task A_real_duplicate_external_id_from_the_store_becomes_the_refusal()
    {
        // Arrange: the store itself, without the operation's check, as a request that lost the race sees it
        await using var emulator = await ScalekitEmulatorHost.StartAsync();
        var store = emulator.Services.GetRequiredService<EmulatorStore>();
        store.CreateOrganization(new OrganizationFields("First", "acme-1"));

        // Act
        var result = StoreConstraints.Guard<Organization>(() => store.CreateOrganization(new OrganizationFields("Second", "acme-1")), () => ManagementError.Conflict("taken"));

        // Assert
        result.Error.Should().Be(ManagementError.Conflict("taken"));
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
