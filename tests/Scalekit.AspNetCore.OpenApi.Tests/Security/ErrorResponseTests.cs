using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.OpenApi;
using Scalekit.AspNetCore.OpenApi.Tests.Framework;
using static Scalekit.AspNetCore.OpenApi.Tests.Framework.DocumentHost;

namespace Scalekit.AspNetCore.OpenApi.Tests.Security;

/// <summary>The 401 and 403 answers of protected operations, as Scalekit.AspNetCore writes them.</summary>
public sealed class ErrorResponseTests
{
    [Fact]
    public async Task A_protected_operation_documents_a_401_problem_with_a_www_authenticate_header()
    {
        // Act
        var document = await DocumentAsync(app => app.MapGet("/me", () => "ok").RequireAuthorization());

        // Assert
        var response = document.Operation(HttpMethod.Get, "/me").Responses!["401"];
        response.Headers.Should().ContainKey("WWW-Authenticate");
        var schema = response.Content!["application/problem+json"].Schema!;
        schema.Properties.Should().ContainKeys("type", "title", "status", "detail");
        schema.Required.Should().BeEquivalentTo("type", "title", "status", "detail");
    }

    [Fact]
    public async Task A_scoped_operation_documents_a_403_insufficient_scope_problem_with_the_scope_lists()
    {
        // Act
        var document = await DocumentAsync(app => app.MapGet("/d", () => "ok").RequireScope("read:deployments"));

        // Assert
        var response = document.Operation(HttpMethod.Get, "/d").Responses!["403"];
        response.Headers!["WWW-Authenticate"].Description.Should().Contain("insufficient_scope");
        var schema = response.Content!["application/problem+json"].Schema!;
        schema.Properties.Should().ContainKeys("requiredScopes", "missingScopes");
        schema.Properties!["requiredScopes"].Type.Should().Be(JsonSchemaType.Array);
        schema.Properties["requiredScopes"].Items!.Type.Should().Be(JsonSchemaType.String);
    }

    [Fact]
    public async Task An_operation_that_requires_no_scope_documents_no_403()
    {
        // Act
        var document = await DocumentAsync(app => app.MapGet("/me", () => "ok").RequireAuthorization());

        // Assert
        document.Operation(HttpMethod.Get, "/me").Responses.Should().NotContainKey("403");
    }

    [Fact]
    public async Task An_anonymous_operation_documents_neither()
    {
        // Act
        var document = await DocumentAsync(app => app.MapGet("/healthz", () => "ok"));

        // Assert
        document.Operation(HttpMethod.Get, "/healthz").Responses.Should().NotContainKeys("401", "403");
    }

    [Fact]
    public async Task A_401_the_operation_documents_itself_is_kept()
    {
        // Act
        var document = await DocumentAsync(app => app.MapGet("/me", () => "ok").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized));

        // Assert
        var response = document.Operation(HttpMethod.Get, "/me").Responses!["401"];
        response.Description.Should().Be("Unauthorized");
        response.Headers.Should().BeNullOrEmpty();
    }

    [Fact]
    public async Task With_error_responses_off_only_the_requirement_is_documented()
    {
        // Act
        var document = await DocumentAsync(app => app.MapGet("/d", () => "ok").RequireScope("read:deployments"),
            scalekit: o => o.DocumentErrorResponses = false);

        // Assert
        var operation = document.Operation(HttpMethod.Get, "/d");
        operation.Responses.Should().NotContainKeys("401", "403");
        operation.Requirements().Should().Equal("Scalekit: [read:deployments]");
    }
}
