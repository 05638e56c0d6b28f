using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.Testing;

namespace Scalekit.Aspire.Hosting.Tests.EndToEnd;

/// <summary>
/// examples/AppHost end to end: the emulator run by the resource, MinimalApi pointed at it by
/// <c>WithReference(scalekit)</c>, the worker registering its own client through <c>WithScalekitManagement</c>.
/// </summary>
public sealed class AppHostTests(AppHostFixture appHost) : IClassFixture<AppHostFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task The_emulator_names_as_issuer_exactly_the_url_its_endpoint_has()
    {
        // Arrange
        using var emulator = appHost.App.CreateHttpClient("scalekit");
        using var timeout = new CancellationTokenSource(Timeout);

        // Act
        var discovery = await emulator.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration", timeout.Token);

        // Assert
        discovery.GetProperty("issuer").GetString().Should().Be(emulator.BaseAddress!.GetLeftPart(UriPartial.Authority));
    }

    [Fact]
    public async Task MinimalApi_refuses_a_request_without_a_token_with_401()
    {
        // Arrange
        using var api = appHost.App.CreateHttpClient("api");
        using var timeout = new CancellationTokenSource(Timeout);

        // Act
        using var response = await api.GetAsync("/api/deployments", timeout.Token);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task MinimalApi_answers_200_with_a_token_from_the_emulator()
    {
        // Arrange
        using var emulator = appHost.App.CreateHttpClient("scalekit");
        using var api = appHost.App.CreateHttpClient("api");
        using var timeout = new CancellationTokenSource(Timeout);
        var token = await ApiClientTokenAsync(emulator, timeout.Token);

        // Act
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/deployments") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };
        using var response = await api.SendAsync(request, timeout.Token);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_worker_registers_its_own_client_and_lists_MinimalApis_deployments()
    {
        // Arrange
        using var timeout = new CancellationTokenSource(Timeout);
        var seen = new List<string>();

        // Act
        await foreach (var batch in appHost.WorkerLogs().WithCancellation(timeout.Token))
        {
            seen.AddRange(batch.Select(line => line.Content));
            if (seen.Any(line => line.Contains("deployment(s); latest:", StringComparison.Ordinal)))
            {
                break;
            }
        }

        // Assert
        seen.Should().Contain(line => line.Contains("1 deployment(s); latest: inventory-service", StringComparison.Ordinal));
    }

    /// <summary>
    /// A token of a new API client (read:deployments, MinimalApi's audience), registered through the management API
    /// as the environment client: the emulator's defaults, which examples/AppHost keeps.
    /// </summary>
    private static async Task<string> ApiClientTokenAsync(HttpClient emulator, CancellationToken cancellationToken)
    {
        var environmentToken = await TokenAsync(emulator, "skc_emulator", "emulator-secret", cancellationToken);
        emulator.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", environmentToken);

        var organization = await ReadAsync(await emulator.PostAsJsonAsync("/api/v1/organizations",
            new { display_name = "Aspire end-to-end test" }, cancellationToken), cancellationToken);
        var organizationId = organization.GetProperty("organization").GetProperty("id").GetString();
        var created = await ReadAsync(await emulator.PostAsJsonAsync($"/api/v1/organizations/{organizationId}/clients", new
        {
            name = "Aspire end-to-end test",
            scopes = new[] { "read:deployments" },
            audience = new[] { "deployment-api.acmecorp.com" },
            expiry = 3600,
        }, cancellationToken), cancellationToken);

        emulator.DefaultRequestHeaders.Authorization = null;
        return await TokenAsync(emulator, created.GetProperty("client").GetProperty("client_id").GetString()!,
            created.GetProperty("plain_secret").GetString()!, cancellationToken);
    }

    private static async Task<string> TokenAsync(HttpClient emulator, string clientId, string clientSecret, CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
        });
        var answer = await ReadAsync(await emulator.PostAsync("/oauth/token", form, cancellationToken), cancellationToken);
        return answer.GetProperty("access_token").GetString()!;
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using (response)
        {
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        }
    }
}
