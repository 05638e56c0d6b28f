using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Scalekit.AspNetCore.Testing.Tests;

/// <summary>
/// The authority's <c>/oauth/token</c> and <c>/api/v1/tokens:validate</c> on the wire, through
/// <see cref="ScalekitTestAuthority.CreateHandler"/>: the emulator's JSON, status codes and challenges.
/// </summary>
public sealed class ApiKeyWireTests : IDisposable
{
    private readonly ScalekitTestAuthority _authority = new();
    private readonly HttpClient _http;

    public ApiKeyWireTests() => _http = new HttpClient(_authority.CreateHandler()) { BaseAddress = new Uri(_authority.Issuer + "/") };

    [Fact]
    public async Task The_environment_client_gets_a_bearer_token_by_client_credentials()
    {
        // Act
        using var response = await RequestTokenAsync(_authority.EnvironmentClientId, _authority.EnvironmentClientSecret);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        json.EnumerateObject().Select(p => p.Name).Should().Equal("access_token", "token_type", "expires_in", "scope");
        json.GetProperty("token_type").GetString().Should().Be("Bearer");
        json.GetProperty("expires_in").GetInt64().Should().Be(86399);
        _authority.EnvironmentClientId.Should().MatchRegex(@"^skc_\d{17}$");
    }

    [Fact]
    public async Task A_wrong_environment_secret_is_401_invalid_client()
    {
        // Act
        using var response = await RequestTokenAsync(_authority.EnvironmentClientId, "wrong");

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString().Should().Be("invalid_client");
    }

    [Fact]
    public async Task A_validation_answers_the_emulators_token_info_shape()
    {
        // Arrange
        var key = _authority.CreateApiKey(userId: "usr_1", customClaims: new Dictionary<string, string> { ["env"] = "ci" }, roles: ["admin"]);

        // Act
        using var response = await ValidateAsync(new { token = key.PlainKey }, await EnvironmentTokenAsync());

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var info = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token_info");
        info.EnumerateObject().Select(p => p.Name).Should().Equal(
            "token_id", "organization_id", "organization_external_id", "user_id", "custom_claims", "created_at", "token_suffix", "roles");
        info.GetProperty("organization_external_id").GetString().Should().BeEmpty();
        info.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().Equal("admin");
        info.GetProperty("created_at").GetString().Should().EndWith("Z");
    }

    [Fact]
    public async Task A_keys_id_validates_on_the_wire_as_Scalekit_and_the_emulator_accept_it()
    {
        // Arrange
        var key = _authority.CreateApiKey();

        // Act
        using var response = await ValidateAsync(new { token = key.Id }, await EnvironmentTokenAsync());

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("unknown", "The API key is not known: it was never issued by this test authority.")]
    [InlineData("invalidated", "The API key was invalidated.")]
    [InlineData("expired", "The API key apit_* expired at *.")]
    [InlineData("unknown id", "No API key with id 'apit_00000000000000000'.")]
    public async Task A_refused_key_is_404_problem_details_that_say_why(string which, string detail)
    {
        // Arrange
        var token = which switch
        {
            "unknown" => ScalekitTestAuthority.CreateUnknownApiKey(),
            "invalidated" => _authority.CreateInvalidatedApiKey().PlainKey,
            "expired" => _authority.CreateExpiredApiKey().PlainKey,
            _ => "apit_00000000000000000",
        };

        // Act
        using var response = await ValidateAsync(new { token }, await EnvironmentTokenAsync());

        // Assert
        await ShouldBeProblemAsync(response, HttpStatusCode.NotFound, "Not Found", detail);
    }

    [Fact]
    public async Task A_body_without_a_token_is_400()
    {
        // Act
        using var response = await ValidateAsync(new { }, await EnvironmentTokenAsync());

        // Assert
        await ShouldBeProblemAsync(response, HttpStatusCode.BadRequest, "Bad Request", "token is required: the API key, or its id (apit_…).");
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_400()
    {
        // Arrange
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/tokens:validate") { Content = new StringContent("{", null, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await EnvironmentTokenAsync());

        // Act
        using var response = await _http.SendAsync(request);

        // Assert
        await ShouldBeProblemAsync(response, HttpStatusCode.BadRequest, "Bad Request", "The JSON body is not valid: *");
    }

    [Fact]
    public async Task Validation_without_a_bearer_token_is_401_with_a_bare_bearer_challenge()
    {
        // Act
        using var response = await ValidateAsync(new { token = _authority.CreateApiKey().PlainKey }, bearer: null);

        // Assert
        response.Headers.WwwAuthenticate.ToString().Should().Be("Bearer");
        await ShouldBeProblemAsync(response, HttpStatusCode.Unauthorized, "Unauthorized", "Send 'Authorization: Bearer <token>' with a token of the environment client*");
    }

    [Fact]
    public async Task Validation_with_an_api_clients_token_is_401_invalid_token()
    {
        // Act: a token the authority minted, but for an API client, not the environment client
        using var response = await ValidateAsync(new { token = _authority.CreateApiKey().PlainKey }, _authority.CreateToken(audience: "x"));

        // Assert
        response.Headers.WwwAuthenticate.ToString().Should().Be("Bearer error=\"invalid_token\"");
        await ShouldBeProblemAsync(response, HttpStatusCode.Unauthorized, "Unauthorized",
            "The management API needs a token of the environment client, not of an organization's API client.");
    }

    [Fact]
    public async Task Validation_with_a_token_the_authority_did_not_sign_is_401_invalid_token()
    {
        // Arrange: a well-formed token of the environment client, signed by a key the authority never publishes
        using var other = new ScalekitTestAuthority(o => o.EnvironmentClientId = _authority.EnvironmentClientId);
        var forged = other.CreateToken(new Scalekit.Tokens.ScalekitTokenDescriptor
        {
            Issuer = _authority.Issuer, ClientId = _authority.EnvironmentClientId, IssuedAt = DateTimeOffset.UtcNow, Lifetime = TimeSpan.FromHours(1),
        });

        // Act
        using var response = await ValidateAsync(new { token = _authority.CreateApiKey().PlainKey }, forged);

        // Assert
        response.Headers.WwwAuthenticate.ToString().Should().Be("Bearer error=\"invalid_token\"");
        await ShouldBeProblemAsync(response, HttpStatusCode.Unauthorized, "Unauthorized", "The token is invalid or expired; request a new one from /oauth/token.");
    }

    [Fact]
    public async Task Other_routes_are_404_and_nothing_leaves_the_process()
    {
        // Act
        using var response = await _http.GetAsync("api/v1/tokens");

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().Contain("serves only");
    }

    public void Dispose()
    {
        _http.Dispose();
        _authority.Dispose();
    }

    private static async Task ShouldBeProblemAsync(HttpResponseMessage response, HttpStatusCode status, string title, string detail)
    {
        response.StatusCode.Should().Be(status);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        json.EnumerateObject().Select(p => p.Name).Should().Equal("type", "title", "status", "detail", "traceId");
        json.GetProperty("title").GetString().Should().Be(title);
        json.GetProperty("status").GetInt32().Should().Be((int)status);
        json.GetProperty("detail").GetString().Should().Match(detail);
    }

    private Task<HttpResponseMessage> RequestTokenAsync(string clientId, string secret) =>
        _http.PostAsync(ScalekitTestAuthority.TokenPath.TrimStart('/'), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }));

    private async Task<string> EnvironmentTokenAsync()
    {
        using var response = await RequestTokenAsync(_authority.EnvironmentClientId, _authority.EnvironmentClientSecret);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    private async Task<HttpResponseMessage> ValidateAsync(object body, string? bearer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ScalekitTestAuthority.ApiKeyValidationPath.TrimStart('/')) { Content = JsonContent.Create(body) };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return await _http.SendAsync(request);
    }
}
