using Microsoft.AspNetCore.Mvc;

namespace ControllerApi.Controllers;

/// <summary>Anonymous liveness probe.</summary>
[ApiController]
public sealed class HealthController : ControllerBase
{
    [HttpGet("/healthz")]
    public IActionResult Get() => Ok(new { status = "ok" });
}
