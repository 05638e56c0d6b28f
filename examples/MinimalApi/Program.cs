using Examples.Shared;

var builder = WebApplication.CreateBuilder(args);

// One line: validates Scalekit access tokens (signature on the cached JWKS, issuer, audience, expiry).
// Reads "Scalekit" from appsettings.json; SCALEKIT_ENVIRONMENT_URL / SCALEKIT_AUDIENCE override it.
builder.AddScalekitApiAuth();
builder.Services.AddSingleton<DeploymentStore>();

var app = builder.Build();

// GET /healthz, GET|POST /api/deployments, POST /api/deployments/rollback, GET /api/me: see Shared/DeploymentsApi.cs.
app.MapDeploymentsApi();

app.Run();
