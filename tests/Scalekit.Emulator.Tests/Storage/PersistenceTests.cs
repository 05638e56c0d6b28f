using System.Net;
using System.Text;
using Scalekit.Emulator.Tests.Framework;

namespace Scalekit.Emulator.Tests.Storage;

/// <summary>With a database file, clients, secrets and signing keys survive a restart of the emulator.</summary>
public sealed class PersistenceTests : IDisposable
{
    /// <summary>Configured, as a deployed emulator's is, so that the issuer does not change with the port of the restart.</summary>
    private const string EnvironmentUrl = "https://acme.scalekit.test";

    private readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_clients_secret_still_gets_a_token_after_a_restart()
    {
        // Arrange
        var before = await RunUntilStoppedAsync();

        // Act
        await using var emulator = await StartAsync();
        using var response = await emulator.PostTokenAsync(before.Client.ClientId, before.Client.PlainSecret);

        // Assert
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_jwks_publishes_the_same_kid_after_a_restart()
    {
        // Arrange
        var before = await RunUntilStoppedAsync();

        // Act
        await using var emulator = await StartAsync();

        // Assert
        (await emulator.GetPublishedKidsAsync()).Should().Equal(before.Kid);
    }

    [Fact]
    public async Task A_token_issued_before_a_restart_still_validates_after_it()
    {
        // Arrange
        var before = await RunUntilStoppedAsync();

        // Act
        await using var emulator = await StartAsync();
        var result = await Jwt.ValidateAsync(before.Token, await emulator.GetKeysJsonAsync(), EnvironmentUrl, SampleClient.Audience);

        // Assert
        result.IsValid.Should().BeTrue(result.Exception?.Message);
    }

    [Fact]
    public async Task The_organization_and_its_client_are_listed_after_a_restart()
    {
        // Arrange
        var before = await RunUntilStoppedAsync();

        // Act
        await using var emulator = await StartAsync();
        var json = await emulator.ListClientsAsync(before.Client.OrganizationId);

        // Assert
        json.GetProperty("clients").EnumerateArray().Select(c => c.GetProperty("client_id").GetString()).Should().Equal(before.Client.ClientId);
    }

    [Fact]
    public async Task A_rotation_survives_a_restart_with_both_keys_published_and_the_new_one_signing()
    {
        // Arrange
        var before = await RunUntilStoppedAsync(emulator => emulator.Host.RotateSigningKey(TimeSpan.FromHours(1)));

        // Act
        await using var emulator = await StartAsync();
        var token = await emulator.GetAccessTokenAsync(before.Client);

        // Assert
        var published = await emulator.GetPublishedKidsAsync();
        published.Should().HaveCount(2).And.StartWith(before.Kid);
        Jwt.Header(token).GetProperty("kid").GetString().Should().Be(published[1]);
    }

    [Fact]
    public async Task The_rotate_keys_command_rotates_the_keys_of_the_database_it_is_pointed_at()
    {
        // Arrange
        var before = await RunUntilStoppedAsync();

        // Act
        var (exitCode, output, error) = await EmulatorCli.RunAsync(
            Path.GetDirectoryName(_database.Path)!, "rotate-keys", "--grace-seconds", "3600", $"--Emulator:Database={_database.Path}");

        // Assert
        exitCode.Should().Be(0, error);
        await using var emulator = await StartAsync();
        var published = await emulator.GetPublishedKidsAsync();
        published.Should().HaveCount(2).And.StartWith(before.Kid);
        output.Should().Contain($"New signing key {published[1]}; published: {before.Kid}, {published[1]}");
        Jwt.Header(await emulator.GetAccessTokenAsync(before.Client)).GetProperty("kid").GetString().Should().Be(published[1]);
    }

    [Fact]
    public async Task The_database_file_never_holds_a_plain_secret()
    {
        // Act
        var before = await RunUntilStoppedAsync();

        // Assert
        var files = Directory.GetFiles(Path.GetDirectoryName(_database.Path)!);
        files.Should().Contain(_database.Path);
        var secret = Encoding.UTF8.GetBytes(before.Client.PlainSecret);
        files.Where(file => Contains(File.ReadAllBytes(file), secret)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_database_from_before_key_invalidation_gets_the_column_and_validates_keys()
    {
        // Arrange: the api_keys table as the first emulator with API keys created it, without invalidated_time.
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_database.Path};Pooling=False"))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = """
                CREATE TABLE api_keys (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
                    organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE, user_id TEXT,
                    key_hash TEXT NOT NULL UNIQUE, key_suffix TEXT NOT NULL, custom_claims TEXT NOT NULL,
                    description TEXT, expiry TEXT, create_time TEXT NOT NULL);
                """;
            create.ExecuteNonQuery();
        }

        await using var emulator = await StartAsync();
        var organizationId = await emulator.CreateOrganizationAsync();
        var created = await emulator.ManageAsync(HttpMethod.Post, "/api/v1/tokens", new { organization_id = organizationId }, HttpStatusCode.Created);

        // Act
        using var response = await emulator.ManageAsync(HttpMethod.Post, "/api/v1/tokens:validate", new { token = created.GetProperty("token").GetString() });

        // Assert
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    private static bool Contains(byte[] file, byte[] value) => file.AsSpan().IndexOf(value) >= 0;

    private Task<TestEmulator> StartAsync() => TestEmulator.StartAsync(options =>
    {
        options.Database = _database.Path;
        options.EnvironmentUrl = EnvironmentUrl;
    });

    /// <summary>Registers a client and takes a token from an emulator on the file, then stops that emulator.</summary>
    private async Task<(RegisteredClient Client, string Token, string Kid)> RunUntilStoppedAsync(Action<TestEmulator>? beforeStop = null)
    {
        await using var emulator = await StartAsync();
        var client = await emulator.RegisterClientAsync();
        var token = await emulator.GetAccessTokenAsync(client);
        var kid = (await emulator.GetPublishedKidsAsync()).Single();
        beforeStop?.Invoke(emulator);
        return (client, token, kid);
    }
}
