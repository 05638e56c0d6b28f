using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Scalekit.AspNetCore.Tests.Framework;

/// <summary>Endpoints that show the tests what the pipeline made of a token.</summary>
public static class ProbeEndpoints
{
    /// <summary>Requires authentication; answers a <see cref="ClaimsSnapshot"/> of the user.</summary>
    public const string Claims = "/probe/claims";

    /// <summary>Anonymous access allowed; binds an optional <see cref="ScalekitClient"/> and answers its id, or <c>anonymous</c>.</summary>
    public const string OptionalClient = "/probe/optional-client";

    public static void Map(WebApplication app)
    {
        app.MapGet(Claims, (ClaimsPrincipal user) => Results.Json(ClaimsSnapshot.Of(user))).RequireAuthorization();
        app.MapGet(OptionalClient, (ScalekitClient? client) => client?.ClientId ?? "anonymous");
    }
}
