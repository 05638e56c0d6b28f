// Shared by the MinimalApi and AotApi examples and the Quickstart (linked into each project).
using Scalekit.AspNetCore;

namespace Examples.Shared;

/// <summary>The example routes as minimal APIs: each protected with one <c>.RequireScope(…)</c> call per scope.</summary>
public static class DeploymentsApi
{
    public static IEndpointRouteBuilder MapDeploymentsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Ok(new HealthStatus("ok"))).WithTags("Health");

        // Tags name the operations' groups in the OpenAPI document as ControllerApi's controllers do.
        var deployments = app.MapGroup("/api/deployments").WithTags("Deployments");
        deployments.MapGet("/", (DeploymentStore store) => store.List()).RequireScope("read:deployments");
        deployments.MapPost("/", Deploy).RequireScope("deploy:applications");
        deployments.MapPost("/rollback", Rollback).RequireScope("read:deployments").RequireScope("deploy:applications");

        // Any valid token: who is calling?
        app.MapGet("/api/me", (ScalekitClient client) => CallerView.From(client)).RequireAuthorization().WithTags("Me");
        return app;
    }

    private static IResult Deploy(DeployRequest request, DeploymentStore store, ScalekitClient client)
    {
        if (request.Validate() is { } errors)
        {
            return Results.ValidationProblem(errors);
        }

        var deployment = store.Add(request, client.ClientId);
        return Results.Created($"/api/deployments/{deployment.Id}", deployment);
    }

    private static IResult Rollback(RollbackRequest request, DeploymentStore store, ScalekitClient client) =>
        request.Validate() is { } errors
            ? Results.ValidationProblem(errors)
            : Results.Ok(store.Rollback(request, client.ClientId));
}
