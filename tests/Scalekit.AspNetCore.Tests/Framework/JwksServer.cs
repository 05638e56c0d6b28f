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
}

/// <summary>
/// A real HTTP issuer on 127.0.0.1 (Kestrel, random port) serving <c>/keys</c> and the discovery document, with
/// switchable failure modes and a count of JWKS fetches.
/// </summary>
public sealed class JwksServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly object _gate = new();
    private List<TestSigningKey> _keys = [];
    private int _fetches;
    private TaskCompletionSource _fetchArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private JwksServer(WebApplication app) => _app = app;

    public string EnvironmentUrl { get; private set; } = "";

    public JwksMode Mode { get; set; } = JwksMode.Serve;

    /// <summary>How many times <c>/keys</c> was requested.</summary>
    public int FetchCount => Volatile.Read(ref _fetches);

    public TestSigningKey PrimaryKey { get; private set; } = null!;

    public static async Task<JwksServer> StartAsync(bool withKey = true)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new JwksServer(app);
        app.MapGet("/keys", server.ServeKeysAsync);
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new
        {
            issuer = server.EnvironmentUrl,
            jwks_uri = server.EnvironmentUrl + "/keys",
            token_endpoint = server.EnvironmentUrl + "/oauth/token",
        }));
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

    /// <summary>Completes when the next JWKS request arrives.</summary>
    public Task NextFetch()
    {
        lock (_gate)
        {
            return _fetchArrived.Task;
        }
    }

    public string Token(params string[] scopes) => TestTokens.Create(PrimaryKey, EnvironmentUrl, scopes);

    private async Task ServeKeysAsync(HttpContext context)
    {
        Interlocked.Increment(ref _fetches);
        TaskCompletionSource arrived;
        List<TestSigningKey> keys;
        lock (_gate)
        {
            arrived = _fetchArrived;
            _fetchArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
            keys = _keys;
        }

        arrived.TrySetResult();
        switch (Mode)
        {
            case JwksMode.Unavailable:
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            case JwksMode.Garbage:
                await context.Response.WriteAsync("<html>this is not a key set</html>");
                return;
            case JwksMode.Hang:
                await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
            default:
                await context.Response.WriteAsJsonAsync(new { keys = keys.Select(k => k.PublicJwk).ToArray() });
                return;
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
