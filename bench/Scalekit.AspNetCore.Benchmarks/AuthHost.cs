using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Scalekit.AspNetCore.Bench;

namespace Scalekit.AspNetCore.Benchmarks;

/// <summary>
/// Authentication and authorization services of one <see cref="AuthVariant"/>, driven the way the middleware drives
/// them: a service scope and an <see cref="HttpContext"/> per request, the token in the <c>Authorization</c> header,
/// over HTTP/1.1. With <see cref="OneConnection"/>, every request arrives on the same kept-alive connection (its
/// connection items shared, as Kestrel has them); else each on a connection of its own. The JWKS comes from a
/// <see cref="StaticJwksHandler"/>, fetched once while starting.
/// </summary>
public sealed class AuthHost : IAsyncDisposable
{
    public const string Issuer = "https://bench.scalekit.test";

    private readonly ServiceProvider _services;
    private readonly string _scheme;
    private readonly IPolicyEvaluator _evaluator;

    private AuthHost(ServiceProvider services, string scheme, BenchIssuer issuer)
    {
        _services = services;
        _scheme = scheme;
        BenchIssuer = issuer;
        _evaluator = services.GetRequiredService<IPolicyEvaluator>();
    }

    public BenchIssuer BenchIssuer { get; }

    /// <summary>Whether requests share one connection (a client keeping its connection open), or each has its own.</summary>
    public bool OneConnection { get; set; }

    public IServiceProvider Services => _services;

    /// <summary>What the scope-protected endpoint of the variant requires: a scope for Scalekit, an authenticated user for JwtBearer.</summary>
    public AuthorizationPolicy Policy { get; private set; } = null!;

    public static async Task<AuthHost> StartAsync(AuthVariant variant)
    {
        var issuer = new BenchIssuer(Issuer);
        var services = new ServiceCollection();
        services.AddLogging();
        string scheme;
        if (variant == AuthVariant.JwtBearer)
        {
            scheme = JwtBearerDefaults.AuthenticationScheme;
            services.AddAuthentication(scheme).AddJwtBearer(o =>
            {
                o.MetadataAddress = Issuer + "/.well-known/openid-configuration";
                o.BackchannelHttpHandler = new StaticJwksHandler(issuer);
                o.TokenValidationParameters.ValidIssuer = Issuer;
                o.TokenValidationParameters.ValidAudience = BenchIssuer.Audience;
            });
            services.AddAuthorization();
        }
        else
        {
            scheme = ScalekitApiAuthDefaults.AuthenticationScheme;
            services.AddScalekitApiAuth(o =>
            {
                o.EnvironmentUrl = Issuer;
                o.Audiences.Add(BenchIssuer.Audience);
                o.TokenCache.Enabled = variant == AuthVariant.Scalekit;
            });
            services.AddHttpClient(ScalekitApiAuthDefaults.BackchannelHttpClientName)
                .ConfigurePrimaryHttpMessageHandler(() => new StaticJwksHandler(issuer));
        }

        var host = new AuthHost(services.BuildServiceProvider(), scheme, issuer);
        var provider = host._services.GetRequiredService<IAuthorizationPolicyProvider>();
        host.Policy = variant == AuthVariant.JwtBearer
            ? new AuthorizationPolicyBuilder(scheme).RequireAuthenticatedUser().Build()
            : (await provider.GetPolicyAsync($"Scalekit.Scope:all:{BenchIssuer.Scope}"))!;

        // The first request fetches the keys (and fills the token cache).
        var warmUp = await host.AuthenticateAsync(Authorization(issuer.Token()));
        if (!warmUp.Succeeded)
        {
            throw new InvalidOperationException($"{variant}: the warm-up token was refused: {warmUp.Failure?.Message}");
        }

        return host;
    }

    /// <summary>The <c>Authorization</c> header value for <paramref name="token"/>.</summary>
    public static string Authorization(string token) => "Bearer " + token;

    /// <summary>What the authentication middleware does for one request.</summary>
    public async Task<AuthenticateResult> AuthenticateAsync(string authorization)
    {
        await using var scope = _services.CreateAsyncScope();
        var context = Request(scope, authorization);
        return await context.AuthenticateAsync(_scheme);
    }

    /// <summary>
    /// What the authentication and authorization middleware do for one request to the protected endpoint: authenticate
    /// with the default scheme and keep the result as the request's user and feature, then evaluate the policy.
    /// </summary>
    public async Task<bool> AuthenticateAndAuthorizeAsync(string authorization)
    {
        await using var scope = _services.CreateAsyncScope();
        var context = Request(scope, authorization);
        var result = await context.AuthenticateAsync(_scheme);
        if (result.Succeeded)
        {
            context.User = result.Principal;
            context.Features.Set<IAuthenticateResultFeature>(new AuthenticateResultFeature { AuthenticateResult = result });
        }

        var authentication = await _evaluator.AuthenticateAsync(Policy, context);
        var verdict = await _evaluator.AuthorizeAsync(Policy, authentication, context, resource: null);
        return verdict.Succeeded;
    }

    /// <summary>The request alone, without authentication: the cost of this harness.</summary>
    public async Task<ClaimsPrincipal> NoAuthAsync(string authorization)
    {
        await using var scope = _services.CreateAsyncScope();
        return Request(scope, authorization).User;
    }

    private readonly ConnectionItems _connection = new();

    private DefaultHttpContext Request(AsyncServiceScope scope, string authorization)
    {
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Features.Set<IConnectionItemsFeature>(OneConnection ? _connection : new ConnectionItems());
        context.Request.Protocol = HttpProtocol.Http11;
        context.Request.Headers.Authorization = authorization;
        return context;
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private sealed class AuthenticateResultFeature : IAuthenticateResultFeature
    {
        public AuthenticateResult? AuthenticateResult { get; set; }
    }
}
