using AotApi;
using Examples.Shared;

// The slim builder: Kestrel over HTTP, configuration from appsettings.json, environment variables and the command
// line, console logging; none of what native AOT cannot compile (MVC, reflection-built handlers, regex constraints).
var builder = WebApplication.CreateSlimBuilder(args);

// Every type the routes read or write, from source-generated JSON: reflection serialization is off in a native app.
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, AotApiJsonContext.Default));

// The same line as MinimalApi: reads "Scalekit" from appsettings.json; SCALEKIT_ENVIRONMENT_URL / SCALEKIT_AUDIENCE override it.
builder.AddScalekitApiAuth();
builder.Services.AddSingleton<DeploymentStore>();

// Readiness: 503 until the signing keys are fetched (the warm-up fetches them as the host starts), 200 after,
// and still 200 (Degraded) while the last good keys serve during an issuer outage.
builder.Services.AddHealthChecks().AddScalekit();

var app = builder.Build();

// GET /healthz (liveness), GET|POST /api/deployments, POST /api/deployments/rollback, GET /api/me: see Shared/DeploymentsApi.cs.
app.MapDeploymentsApi();
app.MapHealthChecks("/healthz/ready");

app.Run();
