using Examples.Shared;
using Scalar.AspNetCore;
using Scalekit.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

// One line: validates Scalekit access tokens (signature on the cached JWKS, issuer, audience, expiry).
// Reads "Scalekit" from appsettings.json; SCALEKIT_ENVIRONMENT_URL / SCALEKIT_AUDIENCE override it.
// In Development, appsettings.Development.json turns API keys on (Scalekit:ApiKeys:Enabled): a bearer value that is
// not a JWT is checked by asking Scalekit with the environment client (Scalekit:Management, or SCALEKIT_CLIENT_ID /
// SCALEKIT_CLIENT_SECRET; the values there are the local emulator's). GET /api/me accepts a key; the scope-protected
// routes refuse it with 403.
builder.AddScalekitApiAuth();
builder.Services.AddControllers();
builder.Services.AddSingleton<DeploymentStore>();

// Readiness: 503 until the signing keys are fetched (the warm-up fetches them as the host starts), 200 after,
// and still 200 (Degraded) while the last good keys serve during an issuer outage.
builder.Services.AddHealthChecks().AddScalekit();

// The OpenAPI document at /openapi/v1.json: an OAuth 2.0 client-credentials scheme whose token URL is the
// environment's /oauth/token, and on each operation the scopes its .RequireScope(…) / [RequireScope] ask for.
builder.Services.AddOpenApi(o => o.AddScalekitSecurity(scalekit =>
{
    scalekit.ScopeDescriptions["read:deployments"] = "List deployments";
    scalekit.ScopeDescriptions["deploy:applications"] = "Start a deployment or a rollback";
}));

var app = builder.Build();

app.MapControllers();
app.MapOpenApi();
if (app.Environment.IsDevelopment())
{
    // /scalar: try the API from the browser. "Authorize" gets a token from the emulator with an API client's id and
    // secret (start the emulator with Emulator:CorsOrigins=http://127.0.0.1:5202, the origin of this page).
    app.MapScalarApiReference(o => o
        .DisableDefaultFonts() // the page works offline: its script comes from the Scalar.AspNetCore package
        .AddPreferredSecuritySchemes(ScalekitApiAuthDefaults.AuthenticationScheme)
        .AddClientCredentialsFlow(ScalekitApiAuthDefaults.AuthenticationScheme, flow => flow.WithCredentialsLocation(CredentialsLocation.Body)));
}

app.MapHealthChecks("/healthz/ready");

app.Run();
