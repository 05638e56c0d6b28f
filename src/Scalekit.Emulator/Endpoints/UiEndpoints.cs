using System.Net;
using Microsoft.Extensions.Options;
using Scalekit.Emulator.Hosting;
using Scalekit.Emulator.Internal;
using Scalekit.Emulator.Tokens;
using Scalekit.Tokens;

namespace Scalekit.Emulator.Endpoints;

/// <summary>
/// The admin web page at <c>/</c>, and <c>/ui/session</c>, which hands the page an environment-client token. The
/// session answers same-origin requests of loopback callers only, for a host of the <see cref="HostRule"/>: the page is
/// for a developer on this machine. With <see cref="ScalekitEmulatorOptions.EnableUiSession"/> off it answers no one,
/// and the page asks for a pasted environment token instead.
/// </summary>
internal static class UiEndpoints
{
    /// <summary>
    /// The page, which no other site may frame (<c>X-Frame-Options: DENY</c> and CSP <c>frame-ancestors 'none'</c>):
    /// a framing page could otherwise click its buttons for the developer.
    /// </summary>
    public static IResult Page(HttpContext context)
    {
        context.Response.Headers.XFrameOptions = "DENY";
        context.Response.Headers.ContentSecurityPolicy = "frame-ancestors 'none'";
        using var stream = typeof(UiEndpoints).Assembly.GetManifestResourceStream("Scalekit.Emulator.index.html")!;
        using var reader = new StreamReader(stream);
        return Results.Content(reader.ReadToEnd(), "text/html; charset=utf-8");
    }

    /// <summary>What the session answers when <see cref="ScalekitEmulatorOptions.EnableUiSession"/> is off.</summary>
    public const string SessionOff =
        "The admin page's session is turned off (Emulator:EnableUiSession is false): paste a token of the environment client into the page.";

    public static IResult Session(HttpContext context, SigningKeyRing keys, EmulatorIssuer issuer, HostRule hosts, IOptions<ScalekitEmulatorOptions> options, TimeProvider time)
    {
        if (!options.Value.EnableUiSession)
        {
            return EmulatorResults.Problem(StatusCodes.Status403Forbidden, SessionOff);
        }

        if (context.Connection.RemoteIpAddress is not { } remote || !IPAddress.IsLoopback(remote))
        {
            return EmulatorResults.Problem(StatusCodes.Status403Forbidden, "The admin page's session is handed to loopback callers only: paste a token of the environment client into the page.");
        }

        // A loopback address is not enough: a page on another site can rebind its own host name to 127.0.0.1.
        // The Host must be one the emulator answers (HostRuleMiddleware refused the others already; checked again here,
        // where a token is at stake), and a browser must say the call is same-origin.
        if (!hosts.Accepts(context.Request.Host)
            || context.Request.Headers["Sec-Fetch-Site"].ToString() is { Length: > 0 } site && site != "same-origin")
        {
            return EmulatorResults.Problem(StatusCodes.Status403Forbidden,
                $"The admin page's session is only handed to same-origin requests for a host the emulator answers ({hosts.Accepted}).");
        }

        var descriptor = new ScalekitTokenDescriptor
        {
            Issuer = issuer.For(context),
            ClientId = options.Value.EnvironmentClientId,
            IssuedAt = time.GetUtcNow(),
            Lifetime = TimeSpan.FromHours(1),
        };
        context.Response.Headers.CacheControl = "no-store";
        return Results.Json(new { access_token = ScalekitTokenFactory.Create(descriptor, keys.Current()), environment_url = descriptor.Issuer });
    }
}
