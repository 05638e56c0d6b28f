using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Scalekit.AspNetCore.Tests.Framework;
using Scalekit.Client.Internal;
using Scalekit.Client.Management;

namespace Scalekit.Client.Tests.Management;

/// <summary>
/// The management API's JSON is source-generated (native-AOT-safe): it must cover every type the client sends or
/// reads, and read and write what the reflection serializer with the same settings did.
/// </summary>
public sealed partial class ManagementJsonTests
{
    /// <summary>The settings the client used before its JSON was source-generated.</summary>
    private static readonly JsonSerializerOptions Reflection = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    [Fact]
    public void Every_type_the_management_client_sends_or_reads_has_source_generated_metadata()
    {
        // Arrange: the T of every SendAsync<T>/TrySendAsync<T> call, every *Body built for a call, and the public
        // request type sent as it is
        var code = string.Join('\n', Directory.EnumerateFiles(
            Path.Combine(RepositoryFiles.Root, "src", "Scalekit.Client", "Management"), "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText));
        var names = WireTypeNames().Matches(code).Select(m => m.Groups["name"].Value).Where(name => name != "T")
            .Append(nameof(ScalekitApiClientRequest)).Distinct().ToList();
        var types = typeof(ScalekitManagementClient).Assembly.GetTypes().Append(typeof(JsonElement)).ToLookup(t => t.Name);

        // Act
        var missing = names.Where(name => !types[name].Any(t => ManagementJsonContext.Default.GetTypeInfo(t) is not null));

        // Assert: a type listed here needs a [JsonSerializable] on ManagementJsonContext.
        names.Should().Contain(["OrganizationPage", "ClientEnvelope", "JsonElement", "OrganizationBody"]);
        missing.Should().BeEmpty();
    }

    [Fact]
    public async Task A_request_body_is_written_as_the_reflection_serializer_wrote_it()
    {
        // Arrange
        var request = new ScalekitApiClientRequest
        {
            Name = "GitHub Actions Deployment Service",
            CustomClaims = [new("environment", "production_us")],
            Scopes = ["deploy:applications"],
            Expiry = 3600,
        };

        // Act
        using var content = ManagementJson.Content(request);
        var json = await content.ReadAsStringAsync();

        // Assert
        json.Should().Be(JsonSerializer.Serialize(request, Reflection))
            .And.Be("""{"name":"GitHub Actions Deployment Service","custom_claims":[{"key":"environment","value":"production_us"}],"scopes":["deploy:applications"],"expiry":3600}""");
        content.Headers.ContentType!.ToString().Should().Be("application/json; charset=utf-8");
    }

    [Fact]
    public async Task A_response_is_read_as_the_reflection_serializer_read_it()
    {
        // Arrange: snake_case, a number as a string, and a member the client does not know
        const string json = """
            {"client":{"client_id":"m2morg_1","secrets":[{"id":"sks_1","create_time":"2026-01-01T00:00:00Z","secret_suffix":"abcd","status":"ACTIVE"}],
             "name":"n","scopes":["read:deployments"],"custom_claims":[{"key":"k","value":"v"}],"expiry":"3600","unknown":true},
             "plain_secret":"s3cret"}
            """;
        using var content = new StringContent(json);

        // Act
        var created = await ManagementJson.ReadAsync<ScalekitCreatedApiClient>(content, CancellationToken.None);

        // Assert
        created.Should().BeEquivalentTo(JsonSerializer.Deserialize<ScalekitCreatedApiClient>(json, Reflection));
        created!.Client.Expiry.Should().Be(3600);
        created.Client.Secrets![0].SecretSuffix.Should().Be("abcd");
    }

    [GeneratedRegex(@"SendAsync<(?<name>\w+)>|new (?<name>\w+Body)\b", RegexOptions.CultureInvariant)]
    private static partial Regex WireTypeNames();
}
