using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Scalekit.AspNetCore.Authorization;

namespace Scalekit.AspNetCore.Tests.Framework;

/// <summary>
/// A scope beside an <c>[Authorize]</c> for another scheme (<see cref="OtherAuthenticationHandler"/>); only apps that
/// register that scheme (see <c>NonDefaultSchemeTests</c>) call it.
/// </summary>
[ApiController]
[Route("mvc/also-other")]
[Authorize(AuthenticationSchemes = OtherAuthenticationHandler.SchemeName)]
public sealed class OtherSchemeTestController : ControllerBase
{
    [HttpGet("read"), RequireScope(ApiHost.Read)]
    public string ReadDeployments() => "read";
}
