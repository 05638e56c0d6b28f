using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Scalekit.Emulator.Tests.Framework;

namespace Scalekit.Emulator.Tests.Endpoints;

public sealed class TokenEndpointTests(SharedEmulator shared) : SharedEmulatorTest(shared)
{
    [Fact]
    public async Task Credentials_in_the_form_body_get_a_bearer_token_with_the_registered_scopes()
    {
        // Act
        using var response = await Emulator.PostTokenAsync(Client.ClientId, Client.PlainSecret);

        // Assert
        await ShouldBeTokenResponseAsync(response, $"{SampleClient.Deploy} {SampleClient.Read}");
    }

    [Fact]
    public async Task Credentials_as_http_basic_get_a_bearer_token_with_the_registered_scopes()
    {
        // Arrange
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" });

        // Act
        using var response = await Emulator.PostTokenAsync(form, TestEmulator.Basic(Client.ClientId, Client.PlainSecret));

        // Assert
        await ShouldBeTokenResponseAsync(response, $"{SampleClient.Deploy} {SampleClient.Read}");
    }

    [Fact]
    public async Task A_requested_scope_narrows_the_token_to_that_subset()
    {
        // Act
        using var response = await Emulator.PostTokenAsync(Client.ClientId, Client.PlainSecret, SampleClient.Read);

        // Assert
        var json = await ShouldBeTokenResponseAsync(response, SampleClient.Read);
        var payload = Jwt.Payload(json.GetProperty("access_token").GetString()!);
        payload.GetProperty("scopes").Strings().Should().Equal(SampleClient.Read);
        payload.GetProperty("scope").GetString().Should().Be(SampleClient.Read);
    }

    [Fact]
    public async Task The_environment_client_gets_a_token_for_the_management_api()
    {
        // Act
        using var response = await Emulator.PostTokenAsync(Emulator.Host.EnvironmentClientId, Emulator.Host.EnvironmentClientSecret);

        // Assert
        var json = await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        json.GetProperty("expires_in").GetInt64().Should().Be(86399);
        var payload = Jwt.Payload(json.GetProperty("access_token").GetString()!);
        payload.GetProperty("client_id").GetString().Should().Be(Emulator.Host.EnvironmentClientId);
        payload.TryGetProperty("oid", out _).Should().BeFalse("the environment client belongs to no organization");
    }

    /// <summary>
    /// RFC 6749 §5.2. In the form, <c>{id}</c> and <c>{secret}</c> stand for the registered client's; a Basic value with a
    /// colon is base64-encoded, one without is sent as it is.
    /// </summary>
    [Theory]
    [InlineData("client_id={id}&client_secret={secret}", null, HttpStatusCode.BadRequest, "invalid_request")]
    [InlineData("grant_type=&client_id={id}&client_secret={secret}", null, HttpStatusCode.BadRequest, "invalid_request")]
    [InlineData("grant_type=password&client_id={id}&client_secret={secret}", null, HttpStatusCode.BadRequest, "unsupported_grant_type")]
    [InlineData("grant_type=authorization_code&code=x", "{id}:{secret}", HttpStatusCode.BadRequest, "unsupported_grant_type")]
    [InlineData("grant_type=client_credentials&client_id={id}&client_secret={secret}&scope=admin:everything", null, HttpStatusCode.BadRequest, "invalid_scope")]
    [InlineData("grant_type=client_credentials&client_id={id}&client_secret={secret}&scope=read:deployments+admin:everything", null, HttpStatusCode.BadRequest, "invalid_scope")]
    [InlineData("grant_type=client_credentials&client_id={id}&client_secret=wrong", null, HttpStatusCode.Unauthorized, "invalid_client")]
    [InlineData("grant_type=client_credentials&client_id=m2morg_00000000000000000&client_secret={secret}", null, HttpStatusCode.Unauthorized, "invalid_client")]
    [InlineData("grant_type=client_credentials&client_id={id}", null, HttpStatusCode.Unauthorized, "invalid_client")]
    [InlineData("grant_type=client_credentials", null, HttpStatusCode.Unauthorized, "invalid_client")]
    [InlineData("grant_type=client_credentials", "{id}:wrong", HttpStatusCode.Unauthorized, "invalid_client")]
    [InlineData("grant_type=client_credentials", "m2morg_00000000000000000:{secret}", HttpStatusCode.Unauthorized, "invalid_client")]
    [InlineData("grant_type=client_credentials", "not-base64!", HttpStatusCode.Unauthorized, "invalid_client")]
    [InlineData("grant_type=client_credentials&client_secret={secret}", "{id}:{secret}", HttpStatusCode.BadRequest, "invalid_request")]
    [InlineData("grant_type=client_credentials&grant_type=client_credentials&client_id={id}&client_secret={secret}", null, HttpStatusCode.BadRequest, "invalid_request")] // RFC 6749 §3.2
    [InlineData("grant_type=client_credentials&client_id={id}&client_id=m2morg_00000000000000000&client_secret={secret}", null, HttpStatusCode.BadRequest, "invalid_request")]
    [InlineData("grant_type=client_credentials&client_id={id}&client_secret={secret}&scope=read:deployments&scope=admin:everything", null, HttpStatusCode.BadRequest, "invalid_request")]
    [InlineData("grant_type=client_credentials&client_id=m2morg_00000000000000000", "{id}:{secret}", HttpStatusCode.BadRequest, "invalid_request")] // two clients named
    public async Task A_bad_token_request_gets_an_oauth_error(string form, string? basic, HttpStatusCode status, string error)
    {
        // Arrange
        using var content = new StringContent(Fill(form), Encoding.UTF8, "application/x-www-form-urlencoded");
        var authorization = basic is null ? null
            : basic.Contains(':', StringComparison.Ordinal) ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Fill(basic))))
            : new AuthenticationHeaderValue("Basic", basic);

        // Act
        using var response = await Emulator.PostTokenAsync(content, authorization);

        // Assert
        await response.ShouldBeOAuthErrorAsync(status, error);
        var usedBasicAndFailed = basic is not null && status == HttpStatusCode.Unauthorized;
        response.Headers.WwwAuthenticate.ToString().Should().Be(usedBasicAndFailed ? "Basic realm=\"scalekit\"" : "");
    }

    [Fact]
    public async Task A_repeated_parameter_is_named_in_the_error_description()
    {
        // Arrange
        using var content = new StringContent(Fill("grant_type=client_credentials&client_id={id}&client_secret={secret}&scope=a&scope=b"), Encoding.UTF8, "application/x-www-form-urlencoded");

        // Act
        using var response = await Emulator.PostTokenAsync(content);

        // Assert
        (await response.Content.ReadAsStringAsync()).Should().Contain("The parameter 'scope' is included more than once");
    }

    [Theory]
    [InlineData("application/json", """{"grant_type":"client_credentials"}""")]
    [InlineData("text/plain", "grant_type=client_credentials")]
    [InlineData(null, null)]
    public async Task A_body_that_is_not_a_form_is_an_invalid_request(string? mediaType, string? body)
    {
        // Arrange
        using var content = mediaType is null ? null : new StringContent(body!, Encoding.UTF8, mediaType);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/oauth/token") { Content = content };
        request.Headers.Authorization = TestEmulator.Basic(Client.ClientId, Client.PlainSecret);

        // Act
        using var response = await Emulator.Http.SendAsync(request);

        // Assert
        await response.ShouldBeOAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_request");
    }

    private string Fill(string template) => template.Replace("{id}", Client.ClientId, StringComparison.Ordinal)
        .Replace("{secret}", Uri.EscapeDataString(Client.PlainSecret), StringComparison.Ordinal);

    private static async Task<System.Text.Json.JsonElement> ShouldBeTokenResponseAsync(HttpResponseMessage response, string scope)
    {
        var json = await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        json.PropertyNames().Should().Equal("access_token", "token_type", "expires_in", "scope");
        json.GetProperty("access_token").GetString().Should().NotBeNullOrEmpty();
        json.GetProperty("token_type").GetString().Should().Be("Bearer");
        json.GetProperty("expires_in").GetInt64().Should().Be(SampleClient.Expiry);
        json.GetProperty("scope").GetString().Should().Be(scope);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        return json;
    }
}
