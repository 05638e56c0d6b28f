using Examples.Shared;
using Scalekit.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

// One line: validates Scalekit access tokens (signature on the cached JWKS, issuer, audience, expiry).
// Reads "Scalekit" from appsettings.json; SCALEKIT_ENVIRONMENT_URL / SCALEKIT_AUDIENCE override it.
builder.AddScalekitApiAuth();
builder.Services.AddSingleton<DeploymentStore>();

var app = builder.Build();

app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));

var deployments = app.MapGroup("/api/deployments");
deployments.MapGet("/", (DeploymentStore store) => store.List()).RequireScope("read:deployments");
deployments.MapPost("/", Deploy).RequireScope("deploy:applications");
deployments.MapPost("/rollback", Rollback).RequireScope("read:deployments").RequireScope("deploy:applications");

app.MapGet("/api/me", (ScalekitClient client) => CallerView.From(client)).RequireAuthorization();

app.Run();

static IResult Deploy(DeployRequest request, DeploymentStore store, ScalekitClient client)
{
    if (request.Validate() is { } errors)
    {
        return Results.ValidationProblem(errors);
    }

    var deployment = store.Add(request, client.ClientId);
    return Results.Created($"/api/deployments/{deployment.Id}", deployment);
}

static IResult Rollback(RollbackRequest request, DeploymentStore store, ScalekitClient client) =>
    request.Validate() is { } errors
        ? Results.ValidationProblem(errors)
        : Results.Ok(store.Rollback(request, client.ClientId));
