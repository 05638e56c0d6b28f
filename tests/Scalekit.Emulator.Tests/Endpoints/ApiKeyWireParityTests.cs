using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Scalekit.AspNetCore.Testing;
using Scalekit.Emulator.Tests.Framework;

namespace Scalekit.Emulator.Tests.Endpoints;

/// <summary>
/// <c>POST /api/v1/tokens:validate</c> of the test kit's in-memory authority answers as the emulator does: the same
/// status, media type, challenge and JSON shape for each case, the same values for the same key, on one fake clock.
/// </summary>
public sealed class ApiKeyWireParityTests : EmulatorTest
{
    private const string Validate = "/api/v1/tokens:validate";
    private static readonly Dictionary<string, string> Claims = new() { ["env"] = "ci", ["note"] = "<é & 'x'>" };
    private readonly ScalekitTestAuthority _authority;
    private readonly HttpClient _authorityHttp;
    private string _organizationId = null!;

    public ApiKeyWireParityTests()
        : base(registerClient: false)
    {
        _authority = new ScalekitTestAuthority(o =>
        {
            o.OrganizationExternalId = "acme-1";
            o.TimeProvider = Time;
        });
        _authorityHttp = new HttpClient(_authority.CreateHandler()) { BaseAddress = new Uri(_authority.Issuer) };
    }

    public static TheoryData<string> Cases => ["key", "id", "unknown", "unknown id", "invalidated", "expired", "no token", "not JSON", "not an object", "no bearer", "other bearer", "API client's bearer"];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_test_authority_answers_a_validation_as_the_emulator_does(string which)
    {
        // Arrange
        var (emulatorBody, emulatorBearer) = await ArrangeEmulatorAsync(which);
        var (authorityBody, authorityBearer) = await ArrangeAuthorityAsync(which);
        Time.Advance(TimeSpan.FromMinutes(2)); // past the expiry of the "expired" keys

        // Act
        using var emulator = await Emulator.SendAsync(HttpMethod.Post, Validate, Json(emulatorBody), emulatorBearer);
        using var authority = await SendToAuthorityAsync(Json(authorityBody), authorityBearer);

        // Assert
        authority.StatusCode.Should().Be(emulator.StatusCode);
        authority.Content.Headers.ContentType!.ToString().Should().Be(emulator.Content.Headers.ContentType!.ToString());
        authority.Headers.WwwAuthenticate.ToString().Should().Be(emulator.Headers.WwwAuthenticate.ToString());
        var expected = await emulator.Content.ReadFromJsonAsync<JsonElement>();
        var actual = await authority.Content.ReadFromJsonAsync<JsonElement>();
        Shape(actual).Should().Be(Shape(expected));
        Values(actual).Should().Be(Values(expected));
    }

    public static TheoryData<string> TokenCases => ["environment client", "as Basic", "wrong secret", "wrong Basic secret", "no grant_type", "other grant_type", "not a form"];

    [Theory]
    [MemberData(nameof(TokenCases))]
    public async Task The_test_authority_answers_the_environment_clients_token_request_as_the_emulator_does(string which)
    {
        // Act
        using var emulator = await Emulator.PostTokenAsync(TokenRequest(which, Emulator.Host.EnvironmentClientId, Emulator.Host.EnvironmentClientSecret, out var emulatorBasic), emulatorBasic);
        using var authority = await _authorityHttp.SendAsync(new HttpRequestMessage(HttpMethod.Post, ScalekitTestAuthority.TokenPath)
        {
            Content = TokenRequest(which, _authority.EnvironmentClientId, _authority.EnvironmentClientSecret, out var authorityBasic),
            Headers = { Authorization = authorityBasic },
        });

        // Assert
        authority.StatusCode.Should().Be(emulator.StatusCode);
        authority.Content.Headers.ContentType!.ToString().Should().Be(emulator.Content.Headers.ContentType!.ToString());
        authority.Headers.WwwAuthenticate.ToString().Should().Be(emulator.Headers.WwwAuthenticate.ToString());
        authority.Headers.CacheControl?.ToString().Should().Be(emulator.Headers.CacheControl?.ToString());
        var expected = await emulator.Content.ReadFromJsonAsync<JsonElement>();
        var actual = await authority.Content.ReadFromJsonAsync<JsonElement>();
        Shape(actual).Should().Be(Shape(expected));
        if (emulator.StatusCode != HttpStatusCode.OK)
        {
            actual.GetRawText().Should().Be(expected.GetRawText());
        }
    }

    public override async Task DisposeAsync()
    {
        _authorityHttp.Dispose();
        _authority.Dispose();
        await base.DisposeAsync();
    }

    protected override async Task ArrangeAsync() => _organizationId = await Emulator.CreateOrganizationAsync(externalId: "acme-1");

    private async Task<(string Body, string? Bearer)> ArrangeEmulatorAsync(string which)
    {
        var bearer = which switch
        {
            "no bearer" => null,
            "other bearer" => "not-a-token",
            "API client's bearer" => await Emulator.GetAccessTokenAsync(await Emulator.RegisterClientAsync(_organizationId)),
            _ => await Emulator.GetEnvironmentTokenAsync(),
        };
        var created = await Emulator.ManageAsync(HttpMethod.Post, "/api/v1/tokens", new
        {
            organization_id = _organizationId,
            user_id = "usr_67890",
            custom_claims = Claims,
            description = "CI pipeline",
            expiry = Time.GetUtcNow().AddMinutes(which == "expired" ? 1 : 60),
        }, HttpStatusCode.Created);
        var key = created.GetProperty("token").GetString()!;
        var id = created.GetProperty("token_id").GetString()!;
        if (which == "invalidated")
        {
            await Emulator.ManageAsync(HttpMethod.Post, "/api/v1/tokens:invalidate", new { token = key }, HttpStatusCode.OK);
        }

        return (Body(which, key, id), bearer);
    }

    private async Task<(string Body, string? Bearer)> ArrangeAuthorityAsync(string which)
    {
        var bearer = which switch
        {
            "no bearer" => null,
            "other bearer" => "not-a-token",
            "API client's bearer" => _authority.CreateToken(audience: "deployment-api.acmecorp.com"),
            _ => await AuthorityEnvironmentTokenAsync(),
        };
        var key = _authority.CreateApiKey(userId: "usr_67890", customClaims: Claims, description: "CI pipeline",
            expiry: Time.GetUtcNow().AddMinutes(which == "expired" ? 1 : 60));
        if (which == "invalidated")
        {
            _authority.InvalidateApiKey(key.PlainKey);
        }

        return (Body(which, key.PlainKey, key.Id), bearer);
    }

    private static string Body(string which, string key, string id) => which switch
    {
        "id" => JsonSerializer.Serialize(new { token = id }),
        "unknown" => JsonSerializer.Serialize(new { token = "skapi_" + new string('A', 43) }),
        "unknown id" => JsonSerializer.Serialize(new { token = "apit_00000000000000000" }),
        "no token" => "{}",
        "not JSON" => "{",
        "not an object" => "[]",
        _ => JsonSerializer.Serialize(new { token = key }),
    };

    private static HttpContent TokenRequest(string which, string clientId, string secret, out AuthenticationHeaderValue? basic)
    {
        basic = which is "as Basic" or "wrong Basic secret"
            ? TestEmulator.Basic(clientId, which == "as Basic" ? secret : "wrong")
            : null;
        var form = new Dictionary<string, string> { ["grant_type"] = which == "other grant_type" ? "password" : "client_credentials" };
        if (which == "no grant_type")
        {
            form.Remove("grant_type");
        }

        if (basic is null)
        {
            form["client_id"] = clientId;
            form["client_secret"] = which == "wrong secret" ? "wrong" : secret;
        }

        return which == "not a form" ? Json(JsonSerializer.Serialize(form)) : new FormUrlEncodedContent(form);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private async Task<string> AuthorityEnvironmentTokenAsync()
    {
        using var response = await _authorityHttp.PostAsync(ScalekitTestAuthority.TokenPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = _authority.EnvironmentClientId,
            ["client_secret"] = _authority.EnvironmentClientSecret,
        }));
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    private async Task<HttpResponseMessage> SendToAuthorityAsync(HttpContent content, string? bearer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Validate) { Content = content };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return await _authorityHttp.SendAsync(request);
    }

    /// <summary>Every member's path, in order, with its JSON kind.</summary>
    private static string Shape(JsonElement element, string path = "$") => element.ValueKind switch
    {
        JsonValueKind.Object => string.Join('\n', element.EnumerateObject().Select(p => Shape(p.Value, path + "." + p.Name)).Prepend(path + ": Object")),
        JsonValueKind.Array => string.Join('\n', element.EnumerateArray().Select((e, i) => Shape(e, $"{path}[{i}]")).Prepend(path + ": Array")),
        var kind => $"{path}: {kind}",
    };

    /// <summary>
    /// The values that must agree: all but the random ids, suffixes and trace ids, with the issuer's name made the same
    /// and the JSON parser's own message (which names the emulator's request type) left out.
    /// </summary>
    private static string Values(JsonElement json)
    {
        var text = new StringBuilder();
        if (json.TryGetProperty("token_info", out var info))
        {
            foreach (var property in info.EnumerateObject().Where(p => p.Name is not ("token_id" or "organization_id" or "token_suffix")))
            {
                text.Append(property.Name).Append('=').Append(property.Value.GetRawText()).Append('\n');
            }
        }
        else
        {
            foreach (var name in (string[])["type", "title", "status", "detail"])
            {
                var value = json.GetProperty(name).ToString();
                value = name != "detail" ? value
                    : value.StartsWith("The JSON body is not valid:", StringComparison.Ordinal) ? "The JSON body is not valid: …"
                    : System.Text.RegularExpressions.Regex.Replace(value.Replace("this emulator", "this test authority", StringComparison.Ordinal), @"apit_\d{17}", "apit_…");
                text.Append(name).Append('=').Append(value).Append('\n');
            }
        }

        return text.ToString();
    }
}
