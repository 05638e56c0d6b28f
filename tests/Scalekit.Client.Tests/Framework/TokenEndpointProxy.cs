using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Scalekit.Client.Tests.Framework;

/// <summary>A token request as the proxy saw it.</summary>
public sealed record SeenTokenRequest(string? ClientId, IReadOnlyDictionary<string, string> Form, string? Authorization);

/// <summary>
/// A reverse proxy on 127.0.0.1 in front of the emulator: it keeps the Host header (so the emulator issues tokens for the
/// proxy's address), records every token request, and can fail, drop or hold the next ones.
/// </summary>
public sealed class TokenEndpointProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _upstream = new(new SocketsHttpHandler { AllowAutoRedirect = false });
    private readonly string _upstreamUrl;
    private readonly ConcurrentQueue<HttpStatusCode> _faults = new();
    private readonly ConcurrentQueue<SeenTokenRequest> _tokenRequests = new();
    private readonly object _gate = new();
    private TaskCompletionSource? _hold;
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private TokenEndpointProxy(WebApplication app, string upstreamUrl)
    {
        _app = app;
        _upstreamUrl = upstreamUrl;
    }

    /// <summary>Where clients should point SCALEKIT_ENVIRONMENT_URL.</summary>
    public string Url { get; private set; } = "";

    public IReadOnlyList<SeenTokenRequest> TokenRequests => [.. _tokenRequests];

    public int TokenRequestsFor(string clientId) => _tokenRequests.Count(r => r.ClientId == clientId);

    public static async Task<TokenEndpointProxy> StartAsync(string upstreamUrl)
    {
        var builder = Loopback.CreateBuilder();
        var app = builder.Build();
        var proxy = new TokenEndpointProxy(app, upstreamUrl.TrimEnd('/'));
        app.Run(proxy.HandleAsync);
        proxy.Url = await Loopback.StartAsync(app);
        return proxy;
    }

    /// <summary>
    /// The next token requests are answered with these statuses (0 drops the connection; a 3xx redirects to
    /// <c>/elsewhere/oauth/token</c> on the proxy) instead of reaching the emulator.
    /// </summary>
    public void FailNextTokenRequests(params HttpStatusCode[] statuses)
    {
        foreach (var status in statuses)
        {
            _faults.Enqueue(status);
        }
    }

    /// <summary>Token requests wait until the returned release is called.</summary>
    public Action HoldTokenRequests()
    {
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _hold = hold;
        }

        return () =>
        {
            lock (_gate)
            {
                _hold = null;
            }

            hold.TrySetResult();
        };
    }

    /// <summary>Completes when the next token request arrives.</summary>
    public Task NextTokenRequest()
    {
        lock (_gate)
        {
            return _arrived.Task;
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        if (context.Request.Path == "/oauth/token")
        {
            if (await InterceptTokenRequestAsync(context, body))
            {
                return;
            }
        }

        await ForwardAsync(context, body);
    }

    /// <returns><see langword="true"/> when a fault answered the request.</returns>
    private async Task<bool> InterceptTokenRequestAsync(HttpContext context, byte[] body)
    {
        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
        var authorization = context.Request.Headers.Authorization.ToString();
        _tokenRequests.Enqueue(new SeenTokenRequest(ClientIdOf(form, authorization), form, authorization.Length == 0 ? null : authorization));

        TaskCompletionSource arrived;
        Task hold;
        lock (_gate)
        {
            arrived = _arrived;
            _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
            hold = _hold?.Task ?? Task.CompletedTask;
        }

        arrived.TrySetResult();
        await hold.WaitAsync(context.RequestAborted);
        if (!_faults.TryDequeue(out var fault))
        {
            return false;
        }

        if (fault == 0)
        {
            context.Abort();
            return true;
        }

        context.Response.StatusCode = (int)fault;
        if ((int)fault is >= 300 and < 400)
        {
            context.Response.Headers.Location = Url + "/elsewhere/oauth/token";
        }

        await context.Response.WriteAsync($"<html><body>{(int)fault} from the proxy</body></html>");
        return true;
    }

    private async Task ForwardAsync(HttpContext context, byte[] body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), _upstreamUrl + context.Request.Path + context.Request.QueryString);
        if (body.Length > 0 || context.Request.ContentType is not null)
        {
            request.Content = new ByteArrayContent(body);
        }

        foreach (var (name, values) in context.Request.Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        request.Headers.Host = context.Request.Host.Value;
        using var response = await _upstream.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!string.Equals(name, "Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    private static string? ClientIdOf(Dictionary<string, string> form, string authorization)
    {
        if (!authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return form.GetValueOrDefault("client_id");
        }

        var pair = Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..].Trim()));
        return Uri.UnescapeDataString(pair[..pair.IndexOf(':', StringComparison.Ordinal)]);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _upstream.Dispose();
    }
}
