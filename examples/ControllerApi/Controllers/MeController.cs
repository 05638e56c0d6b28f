using Examples.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Scalekit.AspNetCore;

namespace ControllerApi.Controllers;

/// <summary>Who is calling: any valid Scalekit token.</summary>
[ApiController]
[Route("api/me")]
[Authorize]
public sealed class MeController : ControllerBase
{
    [HttpGet]
    public CallerView Get() => CallerView.From(HttpContext.GetScalekitClient()!);
}
