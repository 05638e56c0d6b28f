using System.Net;
using Microsoft.Extensions.Options;
using Scalekit.Emulator.Internal;
using Scalekit.Emulator.Tokens;

namespace Scalekit.Emulator.Endpoints;

/// <summary>
/// The admin web page at <c>/</c>, and <c>/ui/session</c>, which hands the page an environment-client token. The
/// session answers loopback callers only: the page is for a developer on this machine.
/// </summary>
internal static class UiEndpoints
{
    public static IResult Page()
    {
        using var stream = typeof(UiEndpoints).Assembly.GetManifestResourceStream("Scalekit.Emulator.index.html")!;
        using var reader = new StreamReader(stream);
        return Results.Content(reader.ReadToEnd(), "text/html; charset=utf-8");
    }

    public static IResult Session(HttpContext context, SigningKeyRing keys, EmulatorIssuer issuer, IOptions<ScalekitEmulatorOptions> options, TimeProvider time)
    {
        if (context.Connection.RemoteIpAddress is not { } remote || !IPAddress.IsLoopback(remote))
        {
            return EmulatorResults.Problem(StatusCodes.Status403Forbidden, "The admin page is served to loopback callers only.");
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
