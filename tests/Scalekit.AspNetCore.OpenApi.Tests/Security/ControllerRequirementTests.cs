using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;
using Scalekit.AspNetCore.Authorization;
using Scalekit.AspNetCore.OpenApi.Tests.Framework;
using static Scalekit.AspNetCore.OpenApi.Tests.Framework.DocumentHost;

namespace Scalekit.AspNetCore.OpenApi.Tests.Security;

/// <summary>The same rules for controllers: the attributes of the controller and of the action all apply.</summary>
public sealed class ControllerRequirementTests
{
    [Fact]
    public async Task The_scopes_of_the_controller_and_of_the_action_are_one_requirement()
    {
        // Act
        var document = await DocumentAsync(app => app.MapControllers());

        // Assert
        document.Operation(HttpMethod.Post, "/ctl/deployments/rollback").Requirements().Should().Equal("Scalekit: [read:deployments, deploy:applications]");
    }

    [Fact]
    public async Task An_any_of_attribute_on_the_action_multiplies_the_controller_scopes()
    {
        // Act
        var document = await DocumentAsync(app => app.MapControllers());

        // Assert
        document.Operation(HttpMethod.Delete, "/ctl/deployments").Requirements().Should().Equal(
            "Scalekit: [read:deployments, admin:deployments]", "Scalekit: [read:deployments, ops:all]");
    }

    [Fact]
    public async Task An_authorize_controller_documents_the_scheme_without_scopes_and_AllowAnonymous_on_an_action_removes_it()
    {
        // Act
        var document = await DocumentAsync(app => app.MapControllers());

        // Assert
        document.Operation(HttpMethod.Get, "/ctl/me").Requirements().Should().Equal("Scalekit: []");
        document.Operation(HttpMethod.Get, "/ctl/me/public").Security.Should().BeNullOrEmpty();
    }

    [Fact]
    public async Task AllowAnonymous_keeps_the_scope_attributes_because_the_mvc_scope_filter_still_enforces_them()
    {
        // Act
        var document = await DocumentAsync(app => app.MapControllers());

        // Assert
        document.Operation(HttpMethod.Get, "/ctl/deployments/anonymous").Requirements().Should().Equal("Scalekit: [read:deployments]");
    }
}

[ApiController]
[Route("ctl/deployments")]
[RequireScope("read:deployments")]
public sealed class ScopedDeploymentsController : ControllerBase
{
    [HttpPost("rollback")]
    [RequireScope("deploy:applications")]
    public IActionResult Rollback() => Ok();

    [HttpDelete]
    [RequireAnyScope("admin:deployments", "ops:all")]
    public IActionResult Delete() => NoContent();

    [HttpGet("anonymous")]
    [AllowAnonymous]
    public IActionResult Anonymous() => Ok();
}

[ApiController]
[Route("ctl/me")]
[Authorize]
public sealed class AuthorizedMeController : ControllerBase
{
    [HttpGet]
    public IActionResult Get() => Ok();

    [HttpGet("public")]
    [AllowAnonymous]
    public IActionResult Public() => Ok();
}
