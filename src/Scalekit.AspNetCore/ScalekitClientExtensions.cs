using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Scalekit.AspNetCore;

/// <summary>Reads the calling <see cref="ScalekitClient"/> from a request or a principal.</summary>
public static class ScalekitClientExtensions
{
    /// <summary>
    /// The API client that made this request, or <see langword="null"/> when the request is anonymous.
    /// Computed once per request.
    /// </summary>
    /// <param name="context">The request.</param>
    /// <returns>The client, or <see langword="null"/>.</returns>
    public static ScalekitClient? GetScalekitClient(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<ScalekitClientFeature>() is { } feature && ReferenceEquals(feature.Principal, context.User))
        {
            return feature.Client;
        }

        var schemes = context.RequestServices?.GetService<IOptions<ScalekitSchemeOptions>>()?.Value.Schemes;
        var client = ScalekitClient.FromPrincipal(context.User, schemes);
        context.Features.Set(new ScalekitClientFeature(context.User, client));
        return client;
    }

    /// <summary>The API client this principal stands for, or <see langword="null"/>.</summary>
    /// <param name="principal">An authenticated principal.</param>
    /// <returns>The client, or <see langword="null"/>.</returns>
    public static ScalekitClient? GetScalekitClient(this ClaimsPrincipal principal) => ScalekitClient.FromPrincipal(principal);

    private sealed record ScalekitClientFeature(ClaimsPrincipal Principal, ScalekitClient? Client);
}
