using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scalekit.AspNetCore.Bench;

namespace Scalekit.AspNetCore.Benchmarks;

/// <summary>
/// A minimal-API application whose request pipeline is called directly, as Kestrel calls it: an
/// <see cref="HttpContext"/> from the application's <see cref="IHttpContextFactory"/> per request, the request
/// services scope disposed when the response completes, and one kept-alive HTTP/1.1 connection.
/// </summary>
public sealed class PipelineHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RequestDelegate _pipeline;
    private readonly IHttpContextFactory _contexts;
    private readonly ConnectionItems _connection = new();
    private readonly string _authorization;

    private PipelineHost(WebApplication app, string authorization)
    {
        _app = app;
        _authorization = authorization;
        _pipeline = ((IApplicationBuilder)app).Build();
        _contexts = app.Services.GetRequiredService<IHttpContextFactory>();
    }

    public static Task<PipelineHost> StartAsync(PipelineVariant variant)
    {
        var issuer = new BenchIssuer(AuthHost.Issuer);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        switch (variant)
        {
            case PipelineVariant.None:
                break;
            case PipelineVariant.Floor:
                builder.Services.AddAuthentication(FloorHandler.SchemeName)
                    .AddScheme<AuthenticationSchemeOptions, FloorHandler>(FloorHandler.SchemeName, null);
                builder.Services.AddAuthorization();
                break;
            default:
                builder.Services.AddScalekitApiAuth(o =>
                {
                    o.EnvironmentUrl = AuthHost.Issuer;
                    o.Audiences.Add(BenchIssuer.Audience);
                    o.FastAuthorization = variant != PipelineVariant.ScalekitScopeViaAuthorizationService;
                });
                builder.Services.AddHttpClient(ScalekitApiAuthDefaults.BackchannelHttpClientName)
                    .ConfigurePrimaryHttpMessageHandler(() => new StaticJwksHandler(issuer));
                break;
        }

        var app = builder.Build();
        app.UseRouting();
        if (variant != PipelineVariant.None)
        {
            app.UseAuthentication();
            app.UseAuthorization();
        }

        var hello = app.MapGet("/hello", () => "ok");
        _ = variant switch
        {
            PipelineVariant.None => hello,
            PipelineVariant.Floor or PipelineVariant.Scalekit => hello.RequireAuthorization(),
            _ => hello.RequireScope(BenchIssuer.Scope),
        };

        app.UseEndpoints(_ => { });
        return Task.FromResult(new PipelineHost(app, AuthHost.Authorization(issuer.Token())));
    }

    /// <summary>One <c>GET /hello</c> with the token; returns the status code.</summary>
    public async Task<int> SendAsync()
    {
        var response = new CompletingResponse();
        var features = new FeatureCollection();
        features.Set<IHttpRequestFeature>(new HttpRequestFeature
        {
            Method = HttpMethods.Get,
            Protocol = "HTTP/1.1",
            Scheme = "http",
            Path = "/hello",
            Headers = new HeaderDictionary { ["Host"] = "127.0.0.1", ["Authorization"] = _authorization },
        });
        features.Set<IHttpResponseFeature>(response);
        features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null));
        features.Set<IConnectionItemsFeature>(_connection);

        var context = _contexts.Create(features);
        await _pipeline(context);
        var status = context.Response.StatusCode;
        await response.CompleteAsync();
        _contexts.Dispose(context);
        return status;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    /// <summary>Runs the <c>OnCompleted</c> callbacks (which dispose the request services scope), as a server does.</summary>
    private sealed class CompletingResponse : HttpResponseFeature
    {
        private readonly List<(Func<object, Task> Callback, object State)> _completed = [];

        public override void OnCompleted(Func<object, Task> callback, object state) => _completed.Add((callback, state));

        public async Task CompleteAsync()
        {
            for (var i = _completed.Count - 1; i >= 0; i--)
            {
                await _completed[i].Callback(_completed[i].State);
            }
        }
    }
}
