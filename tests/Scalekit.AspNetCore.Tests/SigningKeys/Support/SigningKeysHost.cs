using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.SigningKeys;

/// <summary>
/// An issuer, a protected API validating against it with <see cref="SigningKeyTimings"/>, a fake clock driving every
/// cache timing, and a record of the JWKS fetches: the arrange step of the key-cache tests.
/// </summary>
internal sealed class SigningKeysHost : IAsyncDisposable
{
    private SigningKeysHost(JwksServer issuer, FakeTimeProvider time, ApiHost api)
    {
        Issuer = issuer;
        Time = time;
        Api = api;
        Fetches = new KeyFetchRecorder(api.Services.GetRequiredService<IMeterFactory>());
    }

    /// <summary>A key that no issuer publishes; <see cref="TestSigningKey.WithKid"/> gives it any number of key ids.</summary>
    public static TestSigningKey Unpublished { get; } = TestSigningKey.Create("snk_unpublished");

    public JwksServer Issuer { get; }

    public FakeTimeProvider Time { get; }

    public ApiHost Api { get; }

    public KeyFetchRecorder Fetches { get; }

    public static async Task<SigningKeysHost> StartAsync(
        JwksMode mode = JwksMode.Serve,
        Action<ScalekitApiAuthOptions>? configure = null,
        Action<IServiceCollection>? services = null,
        Action<WebApplication>? map = null)
    {
        var issuer = await JwksServer.StartAsync();
        issuer.Mode = mode;
        issuer.OversizeBytes = SigningKeyTimings.MaxResponseSize;
        try
        {
            // Tokens are minted with the real clock, so the fake one starts there too.
            var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
            var api = await ApiHost.StartAsync(
                issuer,
                options =>
                {
                    SigningKeyTimings.Apply(options.Keys);
                    configure?.Invoke(options);
                },
                time,
                services,
                map);
            return new SigningKeysHost(issuer, time, api);
        }
        catch
        {
            await issuer.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts with a serving issuer and sends one valid request, so that the keys are cached (one fetch).</summary>
    public static async Task<SigningKeysHost> StartWithCachedKeysAsync()
    {
        var host = await StartAsync();
        try
        {
            await host.AssertAcceptedAsync();
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>A valid token with the scope of <c>/min/read</c>, signed by the issuer's primary key.</summary>
    public string ValidToken() => Issuer.Token(ApiHost.Read);

    public string TokenSignedBy(TestSigningKey key) => Issuer.TokenSignedBy(key, ApiHost.Read);

    /// <summary>A token whose <c>kid</c> is not published, signed by a key the issuer does not know.</summary>
    public string UnknownKidToken(string kid = "snk_unknown") => TokenSignedBy(Unpublished.WithKid(kid));

    /// <summary>GET <c>/min/read</c> with <paramref name="token"/>; bounded, so that a hanging request fails the test.</summary>
    public async Task<HttpResponseMessage> GetAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/min/read");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await Api.Client.SendAsync(request).Bounded();
    }

    /// <summary>The key cache of the API's Scalekit scheme.</summary>
    public SigningKeyCache Keys =>
        Api.Services.GetRequiredService<ScalekitCacheRegistry>().Get(ScalekitApiAuthDefaults.AuthenticationScheme).Keys;

    /// <summary>
    /// Sends <paramref name="send"/>'s request, which names an unknown <c>kid</c> during the unknown-kid cooldown: once
    /// it waits for the fetch scheduled for the end of the cooldown, lets the cooldown pass, and returns its answer.
    /// </summary>
    public async Task<T> AfterTheCooldownAsync<T>(Func<Task<T>> send)
    {
        var waiting = Keys.UnknownKeyWaiters;
        var answer = send();
        await UntilAsync(() => answer.IsCompleted || Keys.UnknownKeyWaiters > waiting);
        answer.IsCompleted.Should().BeFalse("the request waits for the fetch at the end of the cooldown");
        Time.Advance(SigningKeyTimings.UnknownKeyCooldown);
        return await answer.Bounded();
    }

    /// <summary>Waits (bounded) until <paramref name="condition"/> holds: requests reach the cache asynchronously.</summary>
    public static async Task UntilAsync(Func<bool> condition)
    {
        var giveUp = DateTime.UtcNow + BoundedWait.Limit;
        while (!condition())
        {
            DateTime.UtcNow.Should().BeBefore(giveUp, "the awaited condition should hold within the test's bound");
            await Task.Delay(5);
        }
    }

    public async Task<HttpStatusCode> StatusOfAsync(string token)
    {
        using var response = await GetAsync(token);
        return response.StatusCode;
    }

    /// <summary>Sends <paramref name="token"/> (a valid one by default) and asserts that it passes.</summary>
    public async Task AssertAcceptedAsync(string? token = null)
    {
        using var response = await GetAsync(token ?? ValidToken());
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Lets the cached keys age past the refresh interval, sends a valid request (validated with the cached keys) and
    /// waits until the refresh it starts in the background has finished, whatever the issuer answers. A hanging issuer is
    /// given up on by advancing the clock by the fetch timeout once the fetch has arrived.
    /// </summary>
    public async Task RefreshInBackgroundAsync()
    {
        var finished = Fetches.Count + 1;
        var arrived = Issuer.NextFetch();
        // The refresh is answered only once the request that started it is through: a key that the refresh retires
        // could otherwise refuse that very request, however the threads are scheduled.
        var hold = Issuer.HoldResponses();
        Time.Advance(SigningKeyTimings.RefreshInterval);
        await AssertAcceptedAsync();
        hold.Release();
        await GiveUpIfHangingAsync(arrived);
        await Fetches.WaitForAsync(finished);
    }

    /// <summary>
    /// Sends <paramref name="token"/>, whose request waits for the JWKS fetch it starts (cold start or unknown kid),
    /// and returns its status; a hanging issuer is given up on by advancing the clock by the fetch timeout.
    /// </summary>
    public async Task<HttpStatusCode> StatusWithFetchAsync(string token)
    {
        var arrived = Issuer.NextFetch();
        var status = StatusOfAsync(token);
        await GiveUpIfHangingAsync(arrived);
        return await status;
    }

    /// <summary>
    /// Advances the clock, sends a valid request (which must pass) and returns how many JWKS fetches the issuer has
    /// seen once any fetch that request started has finished. Only while fetches are backing off: see <see cref="SettleAsync"/>.
    /// </summary>
    public async Task<int> FetchesAfterRequestAtAsync(TimeSpan advance)
    {
        Time.Advance(advance);
        await AssertAcceptedAsync();
        await SettleAsync();
        return Issuer.FetchCount;
    }

    /// <summary>
    /// Waits for the fetch in flight, if any, while fetches are backing off after a failure. A token with an unknown
    /// <c>kid</c> joins a fetch in flight and, during the back-off, starts none: once its answer is in, every fetch
    /// started before it has finished and been counted.
    /// </summary>
    public async Task SettleAsync()
    {
        using var response = await GetAsync(UnknownKidToken("snk_settle"));
    }

    /// <summary>Waits for a fetch to reach the issuer; if the issuer hangs, lets the fetch time out.</summary>
    private async Task GiveUpIfHangingAsync(Task arrived)
    {
        await arrived.Bounded();
        if (Issuer.Mode == JwksMode.Hang)
        {
            Time.Advance(SigningKeyTimings.FetchTimeout);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Fetches.Dispose();
        await Api.DisposeAsync();
        await Issuer.DisposeAsync();
    }
}
