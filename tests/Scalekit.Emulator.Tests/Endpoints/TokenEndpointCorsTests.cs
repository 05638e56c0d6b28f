using System.Net;
using Scalekit.Emulator.Tests.Framework;

namespace Scalekit.Emulator.Tests.Endpoints;

/// <summary>An emulator whose token endpoint lets one page origin call it from the browser (an API explorer).</summary>
public sealed class CorsEmulator : IAsyncLifetime
{
    /// <summary>The page's origin, as configured (with a trailing slash, which the emulator drops).</summary>
    public const string Origin = "http://127.0.0.1:5201";

    public TestEmulator Emulator { get; private set; } = null!;

    public RegisteredClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Emulator = await TestEmulator.StartAsync(o => o.CorsOrigins.Add(Origin + "/"));
        Client = await Emulator.RegisterClientAsync();
    }

    public async Task DisposeAsync() => await Emulator.DisposeAsync();
}

/// <summary><c>Emulator:CorsOrigins</c>: the token endpoint answers CORS for the configured origins only, exactly, without credentials.</summary>
public sealed class TokenEndpointCorsTests(CorsEmulator cors) : IClassFixture<CorsEmulator>
{
    [Fact]
    public async Task The_preflight_of_a_configured_origin_is_204_allowing_post_with_authorization_and_content_type()
    {
        // Act
        using var response = await PreflightAsync(cors.Emulator, CorsEmulator.Origin);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        Header(response, "Access-Control-Allow-Origin").Should().Be(CorsEmulator.Origin);
        Header(response, "Access-Control-Allow-Methods").Should().Be("POST");
        Header(response, "Access-Control-Allow-Headers").Should().Be("Authorization, Content-Type");
        Header(response, "Access-Control-Allow-Credentials").Should().BeNull();
        Header(response, "Vary").Should().Be("Origin");
    }

    [Fact]
    public async Task A_token_answer_to_a_configured_origin_names_that_origin_and_allows_no_credentials()
    {
        // Act
        using var response = await PostTokenAsync(cors.Emulator, CorsEmulator.Origin, cors.Client.ClientId, cors.Client.PlainSecret);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        Header(response, "Access-Control-Allow-Origin").Should().Be(CorsEmulator.Origin);
        Header(response, "Access-Control-Allow-Credentials").Should().BeNull();
    }

    [Fact]
    public async Task A_token_error_to_a_configured_origin_is_readable_by_the_page_too()
    {
        // Act
        using var response = await PostTokenAsync(cors.Emulator, CorsEmulator.Origin, cors.Client.ClientId, "not-the-secret");

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        Header(response, "Access-Control-Allow-Origin").Should().Be(CorsEmulator.Origin);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5202")]
    [InlineData("https://127.0.0.1:5201")]
    [InlineData("http://localhost:5201")]
    [InlineData("http://127.0.0.1:5201.evil.example")]
    [InlineData("null")]
    public async Task The_preflight_of_another_origin_is_403_with_the_reason_and_no_cors_header(string origin)
    {
        // Act
        using var response = await PreflightAsync(cors.Emulator, origin);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        Header(response, "Access-Control-Allow-Origin").Should().BeNull();
        (await response.Content.ReadAsStringAsync()).Should().Contain("the origin is not one of Emulator:CorsOrigins (http://127.0.0.1:5201)");
    }

    [Fact]
    public async Task A_token_answer_to_another_origin_carries_no_cors_header()
    {
        // Act
        using var response = await PostTokenAsync(cors.Emulator, "http://127.0.0.1:5202", cors.Client.ClientId, cors.Client.PlainSecret);

        // Assert
        Header(response, "Access-Control-Allow-Origin").Should().BeNull();
    }

    [Fact]
    public async Task The_preflight_of_a_configured_origin_for_another_method_is_403()
    {
        // Act
        using var response = await PreflightAsync(cors.Emulator, CorsEmulator.Origin, "DELETE");

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        Header(response, "Access-Control-Allow-Origin").Should().BeNull();
        (await response.Content.ReadAsStringAsync()).Should().Contain("only POST is allowed");
    }

    [Fact]
    public async Task Without_configured_origins_the_preflight_is_403_saying_how_to_turn_cors_on_and_answers_carry_no_cors_header()
    {
        // Arrange
        await using var emulator = await TestEmulator.StartAsync();

        // Act
        using var preflight = await PreflightAsync(emulator, CorsEmulator.Origin);
        using var token = await PostTokenAsync(emulator, CorsEmulator.Origin, emulator.Host.EnvironmentClientId, emulator.Host.EnvironmentClientSecret);

        // Assert
        preflight.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await preflight.Content.ReadAsStringAsync()).Should().Contain("CORS is off: set Emulator:CorsOrigins");
        token.StatusCode.Should().Be(HttpStatusCode.OK);
        Header(token, "Access-Control-Allow-Origin").Should().BeNull();
    }

    [Theory]
    [InlineData("*")]
    [InlineData("http://127.0.0.1:5201/explorer")]
    [InlineData("127.0.0.1:5201")]
    [InlineData("file:///tmp/page.html")]
    public async Task A_configured_origin_that_is_not_scheme_host_and_port_stops_start_up_with_how_to_write_it(string origin)
    {
        // Act
        var start = () => TestEmulator.StartAsync(o => o.CorsOrigins.Add(origin));

        // Assert
        (await start.Should().ThrowAsync<InvalidOperationException>())
            .WithMessage("*Emulator:CorsOrigins*is not a web origin*for example \"http://127.0.0.1:5201\"*");
    }

    private static async Task<HttpResponseMessage> PreflightAsync(TestEmulator emulator, string origin, string method = "POST")
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/oauth/token");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return await emulator.Http.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> PostTokenAsync(TestEmulator emulator, string origin, string clientId, string secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/oauth/token") { Content = TestEmulator.Form(clientId, secret) };
        request.Headers.Add("Origin", origin);
        return await emulator.Http.SendAsync(request);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;
}
