using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Scalekit.AspNetCore.Authorization;

namespace Scalekit.AspNetCore.Tests.Framework;

/// <summary>
/// Scoped actions on a controller marked <c>[AllowAnonymous]</c>: the controller twins of <c>/min/anonymous-read</c> and
/// <c>/min/anonymous-both</c> (<see cref="AuthorizationApiFixture"/>). ASP0026 warns that the class-level
/// <c>[AllowAnonymous]</c> overrides the scope attributes: that mistake is exactly what these routes reproduce.
/// </summary>
#pragma warning disable ASP0026
[ApiController]
[Route("mvc")]
[AllowAnonymous]
public sealed class AnonymousScopedTestController : ControllerBase
{
    [HttpGet("anonymous-read"), RequireScope(ApiHost.Read)]
    public string ReadDeployments() => "read";

    [HttpPost("anonymous-both"), RequireScope(ApiHost.Read), RequireScope(ApiHost.Deploy)]
    public string Both() => "both";
}
#pragma warning restore ASP0026
