using System.Net;
using System.Net.Http.Json;
using Scalekit.Emulator.Tests.Framework;

namespace Scalekit.Emulator.Tests.Internal;

/// <summary>The management and admin APIs answer only a Bearer token of the environment client, minted by this emulator.</summary>
public sealed class EnvironmentTokenFilterTests(SharedEmulator shared) : SharedEmulatorTest(shared)
{
    [Theory]
    [MemberData(nameof(ManagementRoutes.All), MemberType = typeof(ManagementRoutes))]
    public async Task Every_route_refuses_a_request_without_a_token(string method, string template)
    {
        // Act
        using var response = await SendAsync(method, template, bearer: null);

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "Authorization: Bearer");
        response.Headers.WwwAuthenticate.ToString().Should().Be("Bearer");
    }

    [Theory]
    [MemberData(nameof(ManagementRoutes.All), MemberType = typeof(ManagementRoutes))]
    public async Task Every_route_refuses_a_token_of_an_organizations_api_client(string method, string template)
    {
        // Arrange
        var token = await Emulator.GetAccessTokenAsync(Client);

        // Act
        using var response = await SendAsync(method, template, token);

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "environment client");
        response.Headers.WwwAuthenticate.ToString().Should().Be("Bearer error=\"invalid_token\"");
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJub25lIn0.eyJjbGllbnRfaWQiOiJza2NfZW11bGF0b3IifQ.")]
    public async Task A_garbage_token_is_refused(string token)
    {
        // Act
        using var response = await SendAsync("GET", "/api/v1/organizations", token);

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid or expired");
        response.Headers.WwwAuthenticate.ToString().Should().Be("Bearer error=\"invalid_token\"");
    }

    [Fact]
    public async Task Basic_credentials_of_the_environment_client_are_refused()
    {
        // Arrange
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/organizations");
        request.Headers.Authorization = TestEmulator.Basic(Emulator.Host.EnvironmentClientId, Emulator.Host.EnvironmentClientSecret);

        // Act
        using var response = await Emulator.Http.SendAsync(request);

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "Authorization: Bearer");
    }

    [Fact]
    public async Task An_environment_token_of_another_emulator_is_refused()
    {
        // Arrange
        await using var other = await TestEmulator.StartAsync();
        var token = await other.GetEnvironmentTokenAsync();

        // Act
        using var response = await SendAsync("GET", "/api/v1/organizations", token);

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid or expired");
    }

    [Fact]
    public async Task A_token_of_this_emulator_used_under_another_host_name_names_the_issuer_mismatch()
    {
        // Arrange
        var token = await Emulator.GetEnvironmentTokenAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/organizations");
        request.Headers.Authorization = new("Bearer", token);
        request.Headers.Host = "localhost:" + new Uri(Emulator.Address).Port;

        // Act
        using var response = await Emulator.Http.SendAsync(request);

        // Assert
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, $"The token's issuer '{Emulator.Address}' is not this environment");
        problem.GetProperty("detail").GetString().Should().Contain("call the emulator at the address its tokens name");
    }

    private async Task<HttpResponseMessage> SendAsync(string method, string template, string? bearer)
    {
        var path = ManagementRoutes.Fill(template, Client);
        var body = ManagementRoutes.ValidBody(method, path);
        return await Emulator.SendAsync(new HttpMethod(method), path, body is null ? null : JsonContent.Create(body), bearer);
    }
}
