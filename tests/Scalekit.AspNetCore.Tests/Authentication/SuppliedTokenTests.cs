using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.Authentication;

/// <summary>
/// A token that the application supplies through JwtBearer's <c>OnMessageReceived</c>, as the ASP.NET Core
/// documentation shows for SignalR and WebSockets (<c>context.Token = context.Request.Query["access_token"]</c>), takes
/// the path of a header token: it is read strictly, its signing key is prepared, and the caller and its scopes come from
/// it, never from another token in the <c>Authorization</c> header.
/// </summary>
public sealed class SuppliedTokenTests(IssuerFixture fixture) : IClassFixture<IssuerFixture>
{
    private JwksServer Issuer => fixture.Issuer;

    [Fact]
    public async Task The_scopes_of_an_unsigned_header_token_are_never_granted_to_the_token_OnMessageReceived_supplies()
    {
        // Arrange: a genuine token that grants read only, in the query string (the SignalR pattern), and in the
        // Authorization header a token with a bogus signature that claims deploy, naming the issuer's real kid.
        await using var api = await StartApiReadingTheQueryTokenAsync();
        var genuine = Issuer.Token(ApiHost.Read);
        var forged = TestTokens.WithPayload(Issuer.Token(ApiHost.Read), TestTokens.Payload(Issuer.EnvironmentUrl, ApiHost.Read, ApiHost.Deploy));

        // Act
        using var request = new HttpRequestMessage(HttpMethod.Post, "/min/deploy?access_token=" + genuine);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", forged);
        using var response = await api.Client.SendAsync(request);

        // Assert: the token that was validated grants read only; deploy must be refused (403)
        response.StatusCode.Should().Be(HttpStatusCode.Forbidden, "the deploy scope comes from a token whose signature was never checked");
    }

    [Fact]
    public async Task The_caller_and_its_scopes_come_from_the_same_token_when_OnMessageReceived_supplies_it()
    {
        // Arrange
        await using var api = await StartApiReadingTheQueryTokenAsync();
        var genuine = Issuer.Token(ApiHost.Read);
        var forged = TestTokens.WithPayload(Issuer.Token(), TestTokens.Payload(Issuer.EnvironmentUrl, "admin:everything"));

        // Act
        using var request = new HttpRequestMessage(HttpMethod.Get, "/min/me?access_token=" + genuine);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", forged);
        using var response = await api.Client.SendAsync(request);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var client = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        client.RootElement.GetProperty("scopes").EnumerateArray().Select(s => s.GetString())
            .Should().Equal([ApiHost.Read], "ScalekitClient.Scopes must be what the validated token grants");
    }

    [Theory]
    [InlineData("typ", ",\"typ\":\"secevent+jwt\"", TokenErrors.InvalidType)]
    [InlineData("crit", ",\"crit\":[\"exp\"],\"exp\":1", TokenErrors.CriticalHeader)]
    public async Task A_token_OnMessageReceived_supplies_is_read_as_strictly_as_one_in_the_Authorization_header(string rule, string extraHeader, string reason)
    {
        // Arrange: correctly signed, but breaking a rule of the strict reading (README "Validation rules"); the keys
        // are cached by a request with the token in the Authorization header.
        await using var api = await StartApiReadingTheQueryTokenAsync();
        await WarmUpAsync(api, Issuer);
        var payload = JsonSerializer.Serialize(TestTokens.Payload(Issuer.EnvironmentUrl, ApiHost.Read));
        var token = TestTokens.SignRaw(Issuer.PrimaryKey, TestTokens.HeaderJson(Issuer.PrimaryKey, extraHeader), payload);

        // Act
        using var response = await api.Client.GetAsync("/authenticated?access_token=" + token);

        // Assert
        response.ShouldRefuseAsInvalidToken(reason);
        rule.Should().NotBeEmpty();
    }

    [Fact]
    public async Task A_newly_published_key_is_accepted_on_its_first_request_when_OnMessageReceived_supplies_the_token()
    {
        // Arrange: keys cached (by a request with the token in the Authorization header), then the issuer publishes
        // a new key (README: "A key the issuer has published is accepted on the first request that carries it,
        // whatever tokens came before").
        await using var issuer = await JwksServer.StartAsync();
        await using var api = await ApiHost.StartAsync(issuer, services: ReadTheQueryToken);
        await WarmUpAsync(api, issuer);
        var rotated = issuer.Publish(TestSigningKey.Create("snk_rotated"));

        // Act
        using var response = await api.Client.GetAsync("/authenticated?access_token=" + issuer.TokenSignedBy(rotated));

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK, "the unknown kid should have triggered a JWKS fetch");
    }

    [Fact]
    public async Task A_token_OnMessageReceived_supplies_is_accepted_on_the_first_request_to_a_fresh_API()
    {
        // Arrange: nothing has fetched the JWKS yet (README: "Concurrent cold-start requests share one JWKS fetch")
        await using var api = await StartApiReadingTheQueryTokenAsync();

        // Act: a SignalR-style client that only ever sends its token in the query string
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await api.Client.GetAsync("/authenticated?access_token=" + Issuer.Token());
            statuses.Add(response.StatusCode);
        }

        // Assert
        statuses.Should().AllBeEquivalentTo(HttpStatusCode.OK, "a valid token must not wait for some other request to fetch the keys");
    }

    /// <summary>One request with a valid token in the Authorization header: the keys get cached.</summary>
    private static async Task WarmUpAsync(ApiHost api, JwksServer issuer)
    {
        using var response = await api.GetAsync("/authenticated", issuer.Token());
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private Task<ApiHost> StartApiReadingTheQueryTokenAsync() => ApiHost.StartAsync(Issuer, services: ReadTheQueryToken);

    /// <summary>The documented SignalR/WebSocket pattern: the token may come in the <c>access_token</c> query parameter.</summary>
    private static void ReadTheQueryToken(IServiceCollection services) =>
        services.PostConfigure<JwtBearerOptions>(ScalekitApiAuthDefaults.AuthenticationScheme, o =>
            o.Events.OnMessageReceived = context =>
            {
                if (context.Request.Query["access_token"] is { Count: > 0 } token)
                {
                    context.Token = token.ToString();
                }

                return Task.CompletedTask;
            });
}
