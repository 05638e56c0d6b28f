using System.Net;
using System.Net.Http.Json;
using Grpc.Core;
using Grpc.Net.Client;
using Scalekit.Emulator.Protos.Organizations;
using Scalekit.Emulator.Tests.Framework;

namespace Scalekit.Emulator.Tests.Hosting;

/// <summary>
/// DNS rebinding: a page whose host name resolves to 127.0.0.1 calls the emulator as same-origin, with the public
/// default credentials. Every route answers loopback hosts, the configured environment's and the allowed ones only.
/// </summary>
public sealed class HostRuleTests() : EmulatorTest(registerClient: false)
{
    private const string Attacker = "attacker.example";

    [Theory]
    [InlineData("POST", "/oauth/token")]
    [InlineData("GET", "/keys")]
    [InlineData("GET", "/.well-known/openid-configuration")]
    [InlineData("GET", "/api/v1/organizations")]
    [InlineData("POST", "/api/v1/organizations")]
    [InlineData("POST", "/admin/v1/keys/rotate")]
    [InlineData("GET", "/")]
    [InlineData("GET", "/ui/session")]
    [InlineData("POST", "/scalekit.v1.organizations.OrganizationService/CreateOrganization")]
    public async Task A_request_for_another_host_is_refused_as_misdirected_on_every_route(string method, string path)
    {
        // Act
        using var response = await SendAsync(Emulator, new HttpMethod(method), path, Attacker);

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.MisdirectedRequest, $"does not answer for host '{Attacker}'");
    }

    [Fact]
    public async Task A_grpc_call_for_another_host_is_permission_denied_with_the_reason()
    {
        // Arrange
        using var channel = GrpcChannel.ForAddress(Emulator.Address, new GrpcChannelOptions { HttpHandler = new HostHeader(Attacker) });
        var organizations = new OrganizationService.OrganizationServiceClient(channel);

        // Act + Assert
        await organizations.ListOrganizationAsync(new ListOrganizationsRequest(), GrpcManagement.Bearer(await Emulator.GetEnvironmentTokenAsync()))
            .ShouldFailWithAsync(StatusCode.PermissionDenied, $"does not answer for host '{Attacker}'");
    }

    [Fact]
    public async Task The_refusal_names_the_accepted_hosts_and_how_to_accept_another()
    {
        // Act
        using var response = await SendAsync(Emulator, HttpMethod.Get, "/keys", Attacker);

        // Assert
        var detail = (await response.ShouldBeProblemAsync(HttpStatusCode.MisdirectedRequest, Attacker)).GetProperty("detail").GetString();
        detail.Should().Contain("answers localhost, *.localhost, 127.0.0.0/8, [::1] only")
            .And.Contain("set Emulator:EnvironmentUrl to its URL or add it to Emulator:AllowedHosts");
    }

    [Fact]
    public async Task A_rebinding_host_cannot_create_an_organization_even_with_the_environment_token()
    {
        // Arrange
        var token = await Emulator.GetEnvironmentTokenAsync();

        // Act
        using var response = await SendAsync(Emulator, HttpMethod.Post, "/api/v1/organizations", Attacker, token, new { display_name = "Rebound" });

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.MisdirectedRequest);
        var organizations = await Emulator.ManageAsync(HttpMethod.Get, "/api/v1/organizations", null, HttpStatusCode.OK);
        organizations.GetProperty("total_size").GetInt32().Should().Be(0);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("LocalHost:5100")]
    [InlineData("localhost.")]
    [InlineData("scalekit.localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("127.42.0.9:5100")]
    [InlineData("[::1]")]
    [InlineData("[::1]:5100")]
    [InlineData("[::ffff:127.0.0.1]")]
    public async Task A_loopback_host_is_answered(string host)
    {
        // Act
        using var response = await SendAsync(Emulator, HttpMethod.Get, "/keys", host);

        // Assert
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("localhost.attacker.example")]
    [InlineData("127.0.0.1.attacker.example")]
    [InlineData("attacker-localhost")]
    [InlineData("localhost-attacker.example")]
    [InlineData("0.0.0.0")]
    [InlineData("[::2]")]
    [InlineData("192.168.1.20")]
    public async Task A_host_that_only_looks_like_loopback_is_refused(string host)
    {
        // Act
        using var response = await SendAsync(Emulator, HttpMethod.Get, "/keys", host);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.MisdirectedRequest);
    }

    [Theory]
    [InlineData("acme.scalekit.test")]
    [InlineData("ACME.scalekit.test:443")]
    public async Task With_an_environment_url_its_host_is_answered(string host)
    {
        // Arrange
        await using var emulator = await TestEmulator.StartAsync(options => options.EnvironmentUrl = "https://acme.scalekit.test");

        // Act
        using var response = await SendAsync(emulator, HttpMethod.Get, "/keys", host);

        // Assert
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task With_an_environment_url_loopback_is_still_answered()
    {
        // Arrange
        await using var emulator = await TestEmulator.StartAsync(options => options.EnvironmentUrl = "https://acme.scalekit.test");

        // Act
        using var response = await SendAsync(emulator, HttpMethod.Get, "/keys", "localhost");

        // Assert
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task With_an_environment_url_another_host_is_refused_with_the_environments_host_among_the_accepted()
    {
        // Arrange
        await using var emulator = await TestEmulator.StartAsync(options => options.EnvironmentUrl = "https://acme.scalekit.test");

        // Act
        using var response = await SendAsync(emulator, HttpMethod.Get, "/keys", Attacker);

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.MisdirectedRequest, "answers localhost, *.localhost, 127.0.0.0/8, [::1], acme.scalekit.test only");
    }

    [Theory]
    [InlineData("scalekit", "scalekit:5100")]
    [InlineData("scalekit:5100", "SCALEKIT")]
    [InlineData("10.0.0.5", "10.0.0.5:5100")]
    [InlineData("fd00::5", "[fd00:0::5]:5100")]
    public async Task A_host_in_allowed_hosts_is_answered(string allowed, string host)
    {
        // Arrange
        await using var emulator = await TestEmulator.StartAsync(options => options.AllowedHosts.Add(allowed));

        // Act
        using var response = await SendAsync(emulator, HttpMethod.Get, "/keys", host);

        // Assert
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    /// <summary>Sends every request with <c>Host</c> (HTTP/2's <c>:authority</c>) set to another host.</summary>
    private sealed class HostHeader(string host) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Host = host;
            return base.SendAsync(request, cancellationToken);
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(TestEmulator emulator, HttpMethod method, string path, string host, string? bearer = null, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Host = host;
        if (bearer is not null)
        {
            request.Headers.Authorization = new("Bearer", bearer);
        }

        request.Content = body is null ? null : JsonContent.Create(body);
        return await emulator.Http.SendAsync(request);
    }
}
