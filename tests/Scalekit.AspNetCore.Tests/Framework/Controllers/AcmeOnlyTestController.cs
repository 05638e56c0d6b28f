using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Scalekit.AspNetCore.Authorization;

namespace Scalekit.AspNetCore.Tests.Framework;

/// <summary>An application policy beside the scope attributes; the policy is registered by <see cref="AuthorizationApiFixture"/>.</summary>
[ApiController]
[Route("mvc/acme-only")]
[Authorize(Policy = AuthorizationApiFixture.AcmeOnlyPolicy)]
public sealed class AcmeOnlyTestController : ControllerBase
{
    [HttpGet]
    public string Get() => "acme";

    [HttpGet("read"), RequireScope(ApiHost.Read)]
    public string ReadDeployments() => "read";
}
