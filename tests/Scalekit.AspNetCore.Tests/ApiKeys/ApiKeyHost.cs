using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Scalekit.AspNetCore.Tests.Framework;
using Scalekit.Client;
using Scalekit.Client.Management;
using Scalekit.Emulator;

namespace Scalekit.AspNetCore.Tests.ApiKeys;

/// <summary>
/// The arrange steps of the API key tests: an emulator (Scalekit), a management client on it that creates the keys, and
/// the protected <see cref="ApiHost"/> with API keys on, trusting the emulator, on a <see cref="FakeTimeProvider"/>,
/// with every validation call to Scalekit counted (and, on demand, held) between the environment client's token
/// handler and the network.
/// </summary>
public sealed class ApiKeyHost : IAsyncDisposable
{
    private readonly ServiceProvider _managementServices;
    private readonly ValidationRecorder _recorder;
    private readonly bool _ownsEmulator;
    private ScalekitOrganization? _organization;

    private ApiKeyHost(ScalekitEmulatorHost emulator, bool ownsEmulator, ServiceProvider managementServices, ApiHost api, FakeTimeProvider time, ValidationRecorder recorder)
    {
        Emulator = emulator;
        _ownsEmulator = ownsEmulator;
        _managementServices = managementServices;
        Management = managementServices.GetRequiredService<ScalekitManagementClient>();
        Api = api;
        Time = time;
        _recorder = recorder;
    }

    public ScalekitEmulatorHost Emulator { get; }

    public ScalekitManagementClient Management { get; }

    public ApiHost Api { get; }

    public FakeTimeProvider Time { get; }

    /// <summary>How many <c>tokens:validate</c> calls the API made to Scalekit.</summary>
    public int Validations => _recorder.Count;

    public FakeLogCollector Logs => Api.Services.GetFakeLogCollector();

    /// <summary>
    /// Starts an API with API keys on. <paramref name="emulator"/> is shared (and not disposed) when given, so that two
    /// APIs can trust one Scalekit.
    /// </summary>
    public static async Task<ApiKeyHost> StartAsync(
        Action<ScalekitApiAuthOptions>? configure = null,
        Action<IServiceCollection>? services = null,
        ScalekitEmulatorHost? emulator = null)
    {
        var ownsEmulator = emulator is null;
        emulator ??= await ScalekitEmulatorHost.StartAsync();
        var management = new ServiceCollection()
            .AddScalekitManagementClient(o =>
            {
                o.EnvironmentUrl = emulator.EnvironmentUrl;
                o.ClientId = emulator.EnvironmentClientId;
                o.ClientSecret = emulator.EnvironmentClientSecret;
            })
            .Services.BuildServiceProvider();

        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var recorder = new ValidationRecorder();
        var api = await ApiHost.StartAsync(emulator.EnvironmentUrl, options =>
        {
            options.ApiKeys.Enabled = true;
            configure?.Invoke(options);
        }, time, s =>
        {
            s.AddLogging(b => b.AddFakeLogging().SetMinimumLevel(LogLevel.Debug));
            s.Configure<ScalekitClientCredentialsOptions>(ScalekitApiAuthDefaults.ApiKeysHttpClientName, o =>
            {
                o.ClientId = emulator.EnvironmentClientId;
                o.ClientSecret = emulator.EnvironmentClientSecret;
            });
            s.AddHttpClient(ScalekitApiAuthDefaults.ApiKeysHttpClientName).AddHttpMessageHandler(() => new RecordingHandler(recorder));
            services?.Invoke(s);
        });
        return new ApiKeyHost(emulator, ownsEmulator, management, api, time, recorder);
    }

    /// <summary>Creates an organization's key (a user's with <paramref name="userId"/>) in the emulator; the plain key is in the result.</summary>
    public async Task<ScalekitCreatedApiKey> CreateKeyAsync(
        IReadOnlyDictionary<string, string>? customClaims = null, string? userId = null, DateTimeOffset? expiry = null)
    {
        _organization ??= await Management.CreateOrganizationAsync("Acme Corp", externalId: "acme-" + Guid.NewGuid().ToString("N"));
        return await Management.CreateApiKeyAsync(_organization.Id, new ScalekitApiKeyRequest { CustomClaims = customClaims, UserId = userId, Expiry = expiry });
    }

    /// <summary>The organization the keys belong to (after <see cref="CreateKeyAsync"/>).</summary>
    public ScalekitOrganization Organization => _organization ?? throw new InvalidOperationException("No key was created yet.");

    /// <summary>Sends <c>GET <paramref name="path"/></c> with <c>Authorization: Bearer <paramref name="bearer"/></c>.</summary>
    public Task<HttpResponseMessage> GetAsync(string path, string bearer)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return Api.Client.SendAsync(request);
    }

    /// <summary>Makes validation calls wait, at the network, until the returned release is called.</summary>
    public Action HoldValidations() => _recorder.Hold();

    /// <summary>Waits (bounded) until <paramref name="condition"/> holds, yielding between looks.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            deadline.Token.ThrowIfCancellationRequested();
            await Task.Delay(1, deadline.Token);
        }
    }

    /// <summary>The log lines of event <paramref name="eventId"/> so far.</summary>
    public IReadOnlyList<FakeLogRecord> LogsOf(int eventId) => [.. Logs.GetSnapshot().Where(r => r.Id.Id == eventId)];

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        await _managementServices.DisposeAsync();
        if (_ownsEmulator)
        {
            await Emulator.DisposeAsync();
        }
    }

    private sealed class ValidationRecorder
    {
        private int _count;
        private volatile TaskCompletionSource? _held;

        public int Count => Volatile.Read(ref _count);

        public Task Gate => _held?.Task ?? Task.CompletedTask;

        public void Seen() => Interlocked.Increment(ref _count);

        public Action Hold()
        {
            var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _held = held;
            return () =>
            {
                _held = null;
                held.TrySetResult();
            };
        }
    }

    private sealed class RecordingHandler(ValidationRecorder recorder) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath.EndsWith("tokens:validate", StringComparison.Ordinal))
            {
                recorder.Seen();
                await recorder.Gate.WaitAsync(cancellationToken);
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
