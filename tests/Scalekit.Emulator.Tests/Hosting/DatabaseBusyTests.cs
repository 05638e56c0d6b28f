using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Grpc.Core;
using Scalekit.Emulator.Protos.Organizations;
using Scalekit.Emulator.Tests.Framework;
using Scalekit.Emulator.Tokens;

namespace Scalekit.Emulator.Tests.Hosting;

/// <summary>
/// Another connection holds <c>BEGIN EXCLUSIVE</c> on the database file (a sqlite3 shell, a second emulator): the JWKS
/// and the environment client's tokens answer from memory; a request that needs the database is a 503 with
/// <c>Retry-After: 1</c> within a few seconds, never a 500 or a 30 s hang.
/// </summary>
public sealed class DatabaseBusyTests : EmulatorTest, IDisposable
{
    /// <summary>The busy timeout is one second; this bound leaves room for a loaded CI machine, far below the 30 s of old.</summary>
    private static readonly TimeSpan AnswerBound = TimeSpan.FromSeconds(10);

    private readonly TemporaryDatabase _database = new();
    private string _kid = null!;
    private string _environmentToken = null!;

    public void Dispose() => _database.Dispose();

    protected override void Configure(ScalekitEmulatorOptions options) => options.Database = _database.Path;

    protected override async Task ArrangeAsync()
    {
        await base.ArrangeAsync();
        _kid = (await Emulator.GetPublishedKidsAsync()).Single();
        _environmentToken = await Emulator.GetEnvironmentTokenAsync();
    }

    [Fact]
    public async Task While_the_database_is_locked_the_jwks_answers_from_memory()
    {
        // Arrange
        using var locked = DatabaseLock.Take(_database.Path);

        // Act
        var kids = await Emulator.GetPublishedKidsAsync();

        // Assert
        kids.Should().Equal(_kid);
    }

    [Fact]
    public async Task While_the_database_is_locked_the_environment_client_still_gets_a_token()
    {
        // Arrange
        using var locked = DatabaseLock.Take(_database.Path);

        // Act
        var token = await Emulator.GetEnvironmentTokenAsync();

        // Assert
        Jwt.Header(token).GetProperty("kid").GetString().Should().Be(_kid);
    }

    [Fact]
    public async Task While_the_database_is_locked_a_reload_that_is_due_keeps_the_keys_in_memory()
    {
        // Arrange
        using var locked = DatabaseLock.Take(_database.Path);
        Time.Advance(SigningKeyRing.ReloadInterval);

        // Act
        var kids = await Emulator.GetPublishedKidsAsync();

        // Assert
        kids.Should().Equal(_kid);
    }

    [Fact]
    public async Task While_the_database_is_locked_creating_an_organization_is_a_503_with_retry_after_within_seconds()
    {
        // Arrange
        using var locked = DatabaseLock.Take(_database.Path);
        var watch = Stopwatch.StartNew();

        // Act
        using var response = await CreateOrganizationAsync();

        // Assert
        watch.Elapsed.Should().BeLessThan(AnswerBound);
        await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "locked by another connection");
        response.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task While_the_database_is_locked_a_grpc_call_is_unavailable_with_the_reason_and_a_one_second_pushback()
    {
        // Arrange
        using var grpc = await GrpcManagement.ConnectAsync(Emulator);
        using var locked = DatabaseLock.Take(_database.Path);

        // Act
        var refused = await grpc.Organizations.ListOrganizationAsync(new ListOrganizationsRequest(), grpc.Authorized)
            .ShouldFailWithAsync(StatusCode.Unavailable, "locked by another connection");

        // Assert
        refused.Trailers.GetValue("grpc-retry-pushback-ms").Should().Be("1000");
    }

    [Fact]
    public async Task While_the_database_is_locked_an_api_clients_token_request_is_a_503_with_retry_after()
    {
        // Arrange
        using var locked = DatabaseLock.Take(_database.Path);

        // Act
        using var response = await Emulator.PostTokenAsync(Client.ClientId, Client.PlainSecret);

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "locked by another connection");
        response.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task While_the_database_is_locked_a_rotation_is_a_503_and_the_jwks_keeps_its_key()
    {
        // Arrange
        using var locked = DatabaseLock.Take(_database.Path);

        // Act
        using var response = await Emulator.SendAsync(HttpMethod.Post, "/admin/v1/keys/rotate", null, _environmentToken);

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "locked by another connection");
        (await Emulator.GetPublishedKidsAsync()).Should().Equal(_kid);
    }

    [Fact]
    public async Task Once_the_lock_is_released_the_same_write_succeeds()
    {
        // Arrange
        using (DatabaseLock.Take(_database.Path))
        {
            using var refused = await CreateOrganizationAsync();
            refused.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        }

        // Act
        using var response = await CreateOrganizationAsync();

        // Assert
        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
    }

    private Task<HttpResponseMessage> CreateOrganizationAsync() =>
        Emulator.SendAsync(HttpMethod.Post, "/api/v1/organizations", JsonContent.Create(new { display_name = "Acme Corp" }), _environmentToken);
}
