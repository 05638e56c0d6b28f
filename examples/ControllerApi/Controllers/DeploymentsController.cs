using Examples.Shared;
using Microsoft.AspNetCore.Mvc;
using Scalekit.AspNetCore;
using Scalekit.AspNetCore.Authorization;

namespace ControllerApi.Controllers;

/// <summary>Deployments, protected by Scalekit scopes: one attribute per scope.</summary>
[ApiController]
[Route("api/deployments")]
public sealed class DeploymentsController(DeploymentStore store) : ControllerBase
{
    [HttpGet]
    [RequireScope("read:deployments")]
    public IReadOnlyList<Deployment> List() => store.List();

    [HttpPost]
    [RequireScope("deploy:applications")]
    public IActionResult Deploy(DeployRequest request)
    {
        if (request.Validate() is { } errors)
        {
            return ValidationProblem(new ValidationProblemDetails(errors));
        }

        var deployment = store.Add(request, Caller.ClientId);
        return Created($"/api/deployments/{deployment.Id}", deployment);
    }

    [HttpPost("rollback")]
    [RequireScope("read:deployments")]
    [RequireScope("deploy:applications")]
    public IActionResult Rollback(RollbackRequest request) =>
        request.Validate() is { } errors
            ? ValidationProblem(new ValidationProblemDetails(errors))
            : Ok(store.Rollback(request, Caller.ClientId));

    private ScalekitClient Caller => HttpContext.GetScalekitClient()!;
}
