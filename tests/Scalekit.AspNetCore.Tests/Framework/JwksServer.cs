using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Scalekit.AspNetCore.Tests.Framework;

/// <summary>How the fake issuer answers JWKS requests.</summary>
public enum JwksMode
{
    Serve,
    Unavailable,
    Garbage,
    Hang,

    /// <summary>Answers <c>{"keys":[]}</c>.</summary>
    Empty,

    /// <summary>Answers the key set padded beyond <see cref="JwksServer.OversizeBytes"/>, streamed without a length.</summary>
    Oversize,

    /// <summary>Answers <see cref="JwksServer.RedirectStatus"/> with a <c>Location</c> of <see cref="JwksServer.MovedKeysPath"/>, which serves the keys.</summary>
    Redirect,

    /// <summary>Answers the key set with every key marked <c>"use": "enc"</c>: well-formed, but no key may verify a token.</summary>
    Unusable,
}

/// <summary>
/// A real HTTP issuer on 127.0.0.1 (Kestrel, random port) serving <c>/keys</c> and the discovery document, with
/// switchable failure modes and a count of JWKS fetches. Both also exist below <c>/moved</c>, where the redirects of
/// <see cref="JwksMode.Redirect"/> and <see cref="RedirectDiscovery"/> point.
/// </summary>
public sealed class JwksServer : IAsyncDisposable
{
    /// <summary>The path where <see cref="JwksMode.Redirect"/> sends JWKS requests.</summary>
    public const string MovedKeysPath = "/moved/keys";

    /// <summary>The path of the discovery document.</summary>
    public const string DiscoveryPath = "/.well-known/openid-configuration";

    private readonly WebApplication _app;
    private readonly object _gate = new();
    private readonly CancellationTokenSource _disposing = new();
    private List<TestSigningKey> _keys = [];
    private int _fetches;
    private int _discoveries;
    private int _movedRequests;
    private TaskCompletionSource _fetchArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ResponseHold? _hold;

    private JwksServer(WebApplication app) => _app = app;

    public string EnvironmentUrl { get; private set; } = "";

    public JwksMode Mode { get; set; } = JwksMode.Serve;

    /// <summary>How many times <c>/keys</c> was requested.</summary>
    public int FetchCount => Volatile.Read(ref _fetches);

    /// <summary>How many times the discovery document was requested.</summary>
    public int DiscoveryCount => Volatile.Read(ref _discoveries);

    /// <summary>How many times an address below <c>/moved</c> (where redirects point) was requested.</summary>
    public int MovedRequestCount => Volatile.Read(ref _movedRequests);

    /// <summary>The status of the redirects this issuer answers: 301, 302 (unless set), 307 or 308.</summary>
    public int RedirectStatus { get; set; } = StatusCodes.Status302Found;

    /// <summary>Whether the discovery document answers with a redirect to its copy below <c>/moved</c>.</summary>
    public bool RedirectDiscovery { get; set; }

    /// <summary>How many bytes of padding <see cref="JwksMode.Oversize"/> adds to the key set.</summary>
    public int OversizeBytes { get; set; } = 1024 * 1024;

    public TestSigningKey PrimaryKey { get; private set; } = null!;

    public static async Task<JwksServer> StartAsync(bool withKey = true)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new JwksServer(app);
        app.MapGet("/keys", server.ServeKeysAsync);
        app.MapGet(DiscoveryPath, server.ServeDiscovery);
        app.MapGet(MovedKeysPath, server.ServeMovedKeys);
        app.MapGet("/moved" + DiscoveryPath, server.ServeMovedDiscovery);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.EnvironmentUrl = address.TrimEnd('/');
        if (withKey)
        {
            server.PrimaryKey = server.Publish(TestSigningKey.Create());
        }

        return server;
    }

    public TestSigningKey Publish(TestSigningKey key)
    {
        lock (_gate)
        {
            _keys = [.. _keys, key];
        }

        return key;
    }

    public void Retire(TestSigningKey key)
    {
        lock (_gate)
        {
            _keys = _keys.Where(k => k.Kid != key.Kid).ToList();
        }
    }

    /// <summary>Forgets the JWKS requests counted so far.</summary>
    public void ResetFetchCount() => Interlocked.Exchange(ref _fetches, 0);

    /// <summary>
    /// Makes JWKS requests wait, once they have arrived and read the published keys, until the hold is released:
    /// a fetch in flight, answered with the keys of the moment it arrived.
    /// </summary>
    public ResponseHold HoldResponses()
    {
        var hold = new ResponseHold();
        lock (_gate)
        {
            _hold = hold;
        }

        return hold;
    }

    /// <summary>Completes when the next JWKS request arrives.</summary>
    public Task NextFetch()
    {
        lock (_gate)
        {
            return _fetchArrived.Task;
        }
    }

    public string Token(params string[] scopes) => TestTokens.Create(PrimaryKey, EnvironmentUrl, scopes);

    /// <summary>A valid token of this issuer signed by <paramref name="key"/>, published or not.</summary>
    public string TokenSignedBy(TestSigningKey key, params string[] scopes) => TestTokens.Create(key, EnvironmentUrl, scopes);

    private IResult ServeDiscovery()
    {
        Interlocked.Increment(ref _discoveries);
        return RedirectDiscovery ? Moved("/moved" + DiscoveryPath) : DiscoveryDocument();
    }

    private IResult ServeMovedDiscovery()
    {
        Interlocked.Increment(ref _movedRequests);
        return DiscoveryDocument();
    }

    private IResult DiscoveryDocument() => Results.Json(new
    {
        issuer = EnvironmentUrl,
        jwks_uri = EnvironmentUrl + "/keys",
        token_endpoint = EnvironmentUrl + "/oauth/token",
    });

    private IResult ServeMovedKeys()
    {
        Interlocked.Increment(ref _movedRequests);
        lock (_gate)
        {
            return Results.Json(KeySetOf(_keys));
        }
    }

    /// <summary>A redirect, with <see cref="RedirectStatus"/>, to the absolute address of <paramref name="path"/> on this issuer.</summary>
    private IResult Moved(string path) => Results.Redirect(
        EnvironmentUrl + path,
        permanent: RedirectStatus is StatusCodes.Status301MovedPermanently or StatusCodes.Status308PermanentRedirect,
        preserveMethod: RedirectStatus is StatusCodes.Status307TemporaryRedirect or StatusCodes.Status308PermanentRedirect);

    private static KeySet KeySetOf(IEnumerable<TestSigningKey> keys) => new(keys.Select(k => k.PublicJwk).ToArray());

    private async Task ServeKeysAsync(HttpContext context)
    {
        Interlocked.Increment(ref _fetches);
        TaskCompletionSource arrived;
        List<TestSigningKey> keys;
        ResponseHold? hold;
        lock (_gate)
        {
            arrived = _fetchArrived;
            _fetchArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
            keys = _keys;
            hold = _hold;
        }

        arrived.TrySetResult();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _disposing.Token);
        if (hold is not null && !await Completes(hold.Released.WaitAsync(stop.Token)))
        {
            return;
        }

        var jwks = KeySetOf(keys);
        switch (Mode)
        {
            case JwksMode.Unavailable:
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            case JwksMode.Garbage:
                await context.Response.WriteAsync("<html>this is not a key set</html>");
                return;
            case JwksMode.Hang:
                await Completes(Task.Delay(Timeout.Infinite, stop.Token));
                return;
            case JwksMode.Empty:
                await context.Response.WriteAsJsonAsync(new { keys = Array.Empty<object>() });
                return;
            case JwksMode.Oversize:
                await context.Response.WriteAsJsonAsync(new { jwks.Keys, padding = new string(' ', OversizeBytes) });
                return;
            case JwksMode.Redirect:
                await Moved(MovedKeysPath).ExecuteAsync(context);
                return;
            case JwksMode.Unusable:
                await context.Response.WriteAsJsonAsync(KeySetOf(keys.Select(k => k.WithJwk(jwk => jwk["use"] = "enc"))));
                return;
            default:
                await context.Response.WriteAsJsonAsync(jwks);
                return;
        }
    }

    /// <summary>Whether <paramref name="wait"/> ran to completion rather than being cancelled.</summary>
    private static async Task<bool> Completes(Task wait)
    {
        await wait.ContinueWith(_ => { }, TaskScheduler.Default);
        return wait.IsCompletedSuccessfully;
    }

    public async ValueTask DisposeAsync()
    {
        await _disposing.CancelAsync();
        await _app.DisposeAsync();
        _disposing.Dispose();
    }

    /// <summary>A JWKS document (written <c>{"keys":[…]}</c>, in ASP.NET Core's camel case).</summary>
    private sealed record KeySet(IReadOnlyDictionary<string, object>[] Keys);
}

/// <summary>Holds JWKS responses back until <see cref="Release"/> (or disposal); see <see cref="JwksServer.HoldResponses"/>.</summary>
public sealed class ResponseHold : IDisposable
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal Task Released => _released.Task;

    public void Release() => _released.TrySetResult();

    public void Dispose() => Release();
}
