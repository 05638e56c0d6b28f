using Examples.Shared;

var builder = WebApplication.CreateBuilder(args);

// One line: validates Scalekit access tokens (signature on the cached JWKS, issuer, audience, expiry).
// Reads "Scalekit" from appsettings.json; SCALEKIT_ENVIRONMENT_URL / SCALEKIT_AUDIENCE override it.
// appsettings.json also turns API keys on (Scalekit:ApiKeys:Enabled): a bearer value that is not a JWT is checked by
// asking Scalekit with the environment client (Scalekit:Management, or SCALEKIT_CLIENT_ID / SCALEKIT_CLIENT_SECRET;
// the values there are the local emulator's). GET /api/me accepts a key; the scope-protected routes refuse it with 403.
builder.AddScalekitApiAuth();
builder.Services.AddControllers();
builder.Services.AddSingleton<DeploymentStore>();

// Readiness: 503 until the signing keys are fetched (the warm-up fetches them as the host starts), 200 after,
// and still 200 (Degraded) while the last good keys serve during an issuer outage.
builder.Services.AddHealthChecks().AddScalekit();

var app = builder.Build();

app.MapControllers();
app.MapHealthChecks("/healthz/ready");

app.Run();
