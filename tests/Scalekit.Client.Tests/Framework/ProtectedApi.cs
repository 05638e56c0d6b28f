using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Scalekit.Client.Tests.Framework;

/// <summary>A request as the API saw it, before authentication.</summary>
public sealed record SeenApiRequest(string Method, string Path, string? BearerToken, string Body);

/// <summary>
/// A Scalekit-protected API on 127.0.0.1, validating tokens with Scalekit.AspNetCore against the given environment.
/// It records every request, and can refuse chosen tokens (or every one) with 401 and a chosen challenge.
/// Routes: <c>GET /api/deployments</c> (read:deployments), <c>POST /api/echo</c> (any valid token, echoes the body),
/// <c>GET /api/redirect?to=…</c> (anonymous 302), and anything else anonymous 200 (for the "other host" role).
/// </summary>
public sealed class ProtectedApi : IAsyncDisposable
{
    public const string Audience = "deployment-api.acmecorp.com";
    public const string InvalidTokenChallenge = "Bearer error=\"invalid_token\", error_description=\"The access token was revoked\"";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<SeenApiRequest> _requests = new();
    private readonly ConcurrentDictionary<string, bool> _refused = new(StringComparer.Ordinal);

    private ProtectedApi(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    public Uri BaseAddress => new(Url + "/");

    public IReadOnlyList<SeenApiRequest> Requests => [.. _requests];

    /// <summary>When set, every request with a token is answered 401 with this <c>WWW-Authenticate</c>.</summary>
    public string? RefuseEveryTokenWith { get; set; }

    /// <summary>Requests carrying this token are answered 401 <c>invalid_token</c>, as an API that learnt it was revoked would.</summary>
    public void Refuse(string token) => _refused[token] = true;

    public static async Task<ProtectedApi> StartAsync(string environmentUrl)
    {
        var builder = Loopback.CreateBuilder();
        builder.Services.AddScalekitApiAuth(o =>
        {
            o.EnvironmentUrl = environmentUrl;
            o.Audiences.Add(Audience);
        });

        var app = builder.Build();
        var api = new ProtectedApi(app);
        app.Use(api.RecordAndRefuseAsync);
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/api/deployments", () => Results.Ok(new[] { new { id = "dep_1", application = "inventory-service" } })).RequireScope("read:deployments");
        app.MapPost("/api/echo", async (HttpRequest request) => Results.Text(await new StreamReader(request.Body).ReadToEndAsync())).RequireAuthorization();
        app.MapGet("/api/redirect", (string to) => Results.Redirect(to));
        app.MapFallback(() => Results.Ok("anonymous"));
        api.Url = await Loopback.StartAsync(app);
        return api;
    }

    private async Task RecordAndRefuseAsync(HttpContext context, RequestDelegate next)
    {
        context.Request.EnableBuffering();
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
        context.Request.Body.Position = 0;
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
        _requests.Enqueue(new SeenApiRequest(context.Request.Method, context.Request.Path, token, body));

        var challenge = token is null ? null : RefuseEveryTokenWith ?? (_refused.ContainsKey(token) ? InvalidTokenChallenge : null);
        if (challenge is not null)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = challenge;
            return;
        }

        await next(context);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
