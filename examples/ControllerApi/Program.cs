using Examples.Shared;

var builder = WebApplication.CreateBuilder(args);

// One line: validates Scalekit access tokens (signature on the cached JWKS, issuer, audience, expiry).
// Reads "Scalekit" from appsettings.json; SCALEKIT_ENVIRONMENT_URL / SCALEKIT_AUDIENCE override it.
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
