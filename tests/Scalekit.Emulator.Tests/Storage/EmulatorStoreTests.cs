using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Scalekit.Emulator.Storage;
using Scalekit.Emulator.Tests.Framework;

namespace Scalekit.Emulator.Tests.Storage;

/// <summary>A write that touches more than one row runs in one transaction: when its last statement fails, nothing is left half-written.</summary>
public sealed class EmulatorStoreTests : EmulatorTest
{
    [Fact]
    public async Task A_registration_whose_secret_cannot_be_stored_leaves_no_client_behind()
    {
        // Arrange
        FailInserts("client_secrets");

        // Act
        using var response = await Emulator.SendAsync(
            HttpMethod.Post, $"/api/v1/organizations/{Client.OrganizationId}/clients", JsonContent.Create(SampleClient.Body()), await Emulator.GetEnvironmentTokenAsync());

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        (await Emulator.ListClientsAsync(Client.OrganizationId)).GetProperty("clients").EnumerateArray()
            .Select(c => c.GetProperty("client_id").GetString()).Should().Equal(Client.ClientId);
    }

    [Fact]
    public async Task A_rotation_whose_new_key_cannot_be_stored_leaves_the_old_key_published_for_good()
    {
        // Arrange
        var kid = (await Emulator.GetPublishedKidsAsync()).Single();
        FailInserts("signing_keys");

        // Act
        var rotate = () => Emulator.Host.RotateSigningKey(TimeSpan.FromMinutes(5));

        // Assert
        rotate.Should().Throw<SqliteException>();
        Time.Advance(TimeSpan.FromMinutes(5));
        (await Emulator.GetPublishedKidsAsync()).Should().Equal(kid);
        Jwt.Header(await Emulator.GetAccessTokenAsync(Client)).GetProperty("kid").GetString().Should().Be(kid);
    }

    /// <summary>From now on every insert into <paramref name="table"/> fails, as on a full disk.</summary>
    private void FailInserts(string table)
    {
        using var connection = Emulator.Host.Services.GetRequiredService<EmulatorDatabase>().Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE TRIGGER fail_{table} BEFORE INSERT ON {table} BEGIN SELECT RAISE(ABORT, 'disk full'); END;";
        command.ExecuteNonQuery();
    }
}
