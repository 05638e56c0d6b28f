using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Scalekit.AspNetCore.Tests.Framework;
using Scalekit.Emulator;

namespace Scalekit.AspNetCore.Tests.Examples;

/// <summary>
/// The native AotApi executable on <c>127.0.0.1</c> (a port Kestrel picks), trusting an in-process emulator that has
/// registered the documented example client: the route contract over real HTTP, against what users deploy.
/// </summary>
public sealed partial class NativeAotApiProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly ScalekitEmulatorHost _emulator;
    private readonly HttpClient _emulatorHttp;
    private readonly Process _process;
    private readonly StringBuilder _output;
    private readonly string _clientSecret;
    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);

    private NativeAotApiProcess(ScalekitEmulatorHost emulator, HttpClient emulatorHttp, Process process, StringBuilder output,
        Uri address, string clientId, string organizationId, string clientSecret)
    {
        _emulator = emulator;
        _emulatorHttp = emulatorHttp;
        _process = process;
        _output = output;
        Client = new HttpClient { BaseAddress = address };
        ClientId = clientId;
        OrganizationId = organizationId;
        _clientSecret = clientSecret;
    }

    /// <summary>Calls the native app.</summary>
    public HttpClient Client { get; }

    /// <summary>The emulator's id of the registered example client.</summary>
    public string ClientId { get; }

    /// <summary>The emulator's id of the client's organization.</summary>
    public string OrganizationId { get; }

    /// <summary>What the executable printed so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<NativeAotApiProcess> StartAsync()
    {
        await NativeAotApi.EnsurePublishedAsync();

        var emulator = await ScalekitEmulatorHost.StartAsync();
        var emulatorHttp = new HttpClient { BaseAddress = new Uri(emulator.EnvironmentUrl) };
        try
        {
            var (organizationId, clientId, secret) = await RegisterExampleClientAsync(emulatorHttp, emulator);
            var (process, output, address) = await StartExecutableAsync(emulator.EnvironmentUrl);
            return new NativeAotApiProcess(emulator, emulatorHttp, process, output, address, clientId, organizationId, secret);
        }
        catch
        {
            emulatorHttp.Dispose();
            await emulator.DisposeAsync();
            throw;
        }
    }

    /// <summary>A token of the example client with exactly <paramref name="scopes"/>, by client credentials from the emulator.</summary>
    public async Task<string> TokenAsync(string[] scopes)
    {
        var scope = string.Join(' ', scopes);
        lock (_tokens)
        {
            if (_tokens.TryGetValue(scope, out var cached))
            {
                return cached;
            }
        }

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = ClientId,
            ["client_secret"] = _clientSecret,
            ["scope"] = scope,
        });
        using var response = await _emulatorHttp.PostAsync("/oauth/token", form);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
        lock (_tokens)
        {
            _tokens[scope] = token;
        }

        return token;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _emulatorHttp.Dispose();
        await _emulator.DisposeAsync();
    }

    /// <summary>The client of Scalekit's "Add auth to your APIs" guide, in a new organization, through the management API.</summary>
    private static async Task<(string OrganizationId, string ClientId, string Secret)> RegisterExampleClientAsync(HttpClient http, ScalekitEmulatorHost emulator)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = emulator.EnvironmentClientId,
            ["client_secret"] = emulator.EnvironmentClientSecret,
        });
        using var tokenResponse = await http.PostAsync("/oauth/token", form);
        var environmentToken = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", environmentToken);

        using var organization = await http.PostAsJsonAsync("/api/v1/organizations", new { display_name = "Acme Corp" });
        organization.StatusCode.Should().Be(HttpStatusCode.Created, await organization.Content.ReadAsStringAsync());
        var organizationId = (await organization.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("organization").GetProperty("id").GetString()!;

        using var client = await http.PostAsJsonAsync($"/api/v1/organizations/{organizationId}/clients", new
        {
            name = "GitHub Actions Deployment Service",
            custom_claims = ExampleApps.CustomClaims.Select(c => new { key = c.Key, value = c.Value }).ToArray(),
            scopes = new[] { "deploy:applications", "read:deployments" },
            audience = new[] { TestTokens.Audience },
            expiry = 3600,
        });
        client.StatusCode.Should().Be(HttpStatusCode.Created, await client.Content.ReadAsStringAsync());
        var created = await client.Content.ReadFromJsonAsync<JsonElement>();
        http.DefaultRequestHeaders.Authorization = null;
        return (organizationId, created.GetProperty("client").GetProperty("client_id").GetString()!, created.GetProperty("plain_secret").GetString()!);
    }

    /// <summary>Starts the executable on port 0 and reads the address Kestrel bound from its log, then waits for <c>/healthz</c>.</summary>
    private static async Task<(Process Process, StringBuilder Output, Uri Address)> StartExecutableAsync(string environmentUrl)
    {
        var start = new ProcessStartInfo(NativeAotApi.Executable)
        {
            ArgumentList = { "--urls", "http://127.0.0.1:0" },
            WorkingDirectory = NativeAotApi.Directory, // the content root: appsettings.json beside the executable
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment[ScalekitApiAuthDefaults.EnvironmentUrlVariable] = environmentUrl;
        start.Environment[ScalekitApiAuthDefaults.AudienceVariable] = TestTokens.Audience;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{NativeAotApi.Executable} did not start.");
        var output = new StringBuilder();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }

            if (ListeningOn().Match(line) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups["address"].Value));
            }
        }

        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("AotApi exited before it listened."));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            var address = await listening.Task.WaitAsync(StartTimeout);
            using var probe = new HttpClient { BaseAddress = address };
            using var health = await probe.GetAsync("/healthz");
            health.StatusCode.Should().Be(HttpStatusCode.OK);
            return (process, output, address);
        }
        catch (Exception e)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
            string printed;
            lock (output)
            {
                printed = output.ToString();
            }

            throw new InvalidOperationException($"The native AotApi did not start ({e.Message}). It printed:\n{printed}", e);
        }
    }

    [GeneratedRegex(@"Now listening on: (?<address>http://127\.0\.0\.1:\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex ListeningOn();
}
