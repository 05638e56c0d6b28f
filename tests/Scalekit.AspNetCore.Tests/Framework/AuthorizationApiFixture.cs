using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Scalekit.AspNetCore.Tests.Framework;

/// <summary>
/// One issuer and one <see cref="ApiHost"/> shared by the tests of a class (<c>IClassFixture</c>), with a few routes
/// beyond the standard ones: <c>/min/anonymous-read</c> and <c>/min/anonymous-both</c> (like <c>/min/read</c> and
/// <c>/min/both</c>, plus <c>.AllowAnonymous()</c>), <c>/min/any-and-deploy</c>, and the
/// application policy <see cref="AcmeOnlyPolicy"/> on <c>/min/acme-only</c> and <c>/mvc/acme-only/…</c>.
/// </summary>
public sealed class AuthorizationApiFixture : IAsyncLifetime
{
    /// <summary>An application policy: the token's <c>oid</c> must be <see cref="TestTokens.OrganizationId"/>.</summary>
    public const string AcmeOnlyPolicy = "AcmeOnly";

    /// <summary>The second alternative of <c>/min/any-and-deploy</c> (<c>.RequireAnyScope(read, admin).RequireScope(deploy)</c>).</summary>
    public const string Admin = "admin:deployments";

    public JwksServer Issuer { get; private set; } = null!;

    public ApiHost Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Issuer = await JwksServer.StartAsync();
        Api = await ApiHost.StartAsync(
            Issuer,
            services: services => services.AddAuthorization(o =>
                o.AddPolicy(AcmeOnlyPolicy, p => p.RequireClaim(ScalekitClaimTypes.OrganizationId, TestTokens.OrganizationId))),
            map: app =>
            {
                app.MapGet("/min/anonymous-read", () => "read").RequireScope(ApiHost.Read).AllowAnonymous();
                app.MapPost("/min/anonymous-both", () => "both").RequireScope(ApiHost.Read).RequireScope(ApiHost.Deploy).AllowAnonymous();
                app.MapPost("/min/any-and-deploy", () => "ok").RequireAnyScope(ApiHost.Read, Admin).RequireScope(ApiHost.Deploy);
                app.MapGet("/min/acme-only", [Authorize(Policy = AcmeOnlyPolicy)] () => "acme");
            });
    }

    /// <summary>Calls the API with a valid token granting <paramref name="scopes"/>.</summary>
    public Task<ApiAnswer> SendAsync(HttpMethod method, string path, params string[] scopes) =>
        SendTokenAsync(method, path, Issuer.Token(scopes));

    public Task<ApiAnswer> SendTokenAsync(HttpMethod method, string path, string token) =>
        ApiAnswer.SendAsync(Api.Client, method, path, token);

    public Task<ApiAnswer> SendWithoutTokenAsync(HttpMethod method, string path) =>
        ApiAnswer.SendAsync(Api.Client, method, path, token: null);

    /// <summary>A token signed by the issuer whose payload <paramref name="edit"/> changed (e.g. other scope claims).</summary>
    public string Token(Action<Dictionary<string, object>> edit)
    {
        var payload = TestTokens.Payload(Issuer.EnvironmentUrl);
        edit(payload);
        return TestTokens.Sign(Issuer.PrimaryKey, payload);
    }

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        await Issuer.DisposeAsync();
    }
}
