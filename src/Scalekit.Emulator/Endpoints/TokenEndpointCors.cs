using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Scalekit.Emulator.Internal;

namespace Scalekit.Emulator.Endpoints;

/// <summary>
/// CORS for <c>POST /oauth/token</c> alone, for the origins of <see cref="ScalekitEmulatorOptions.CorsOrigins"/>
/// (exact match of the browser's <c>Origin</c>): the preflight (<c>OPTIONS</c>) is answered with 204 and the allowed
/// method and headers, the token answers (errors too, so that the page can show them) carry
/// <c>Access-Control-Allow-Origin</c>. Other origins get no CORS header, and their preflight a 403 that says why.
/// Credentials are never allowed.
/// </summary>
internal sealed class TokenEndpointCors : IEndpointFilter
{
    /// <summary>What a token request from a page may send: HTTP Basic client authentication, and the form body.</summary>
    public const string AllowedHeaders = "Authorization, Content-Type";

    private readonly HashSet<string> _origins;
    private readonly ILogger _logger;

    public TokenEndpointCors(IOptions<ScalekitEmulatorOptions> options, ILogger<TokenEndpointCors> logger)
    {
        _origins = new HashSet<string>(options.Value.CorsOrigins.Select(Normalize), StringComparer.Ordinal);
        _logger = logger;
    }

    /// <summary>
    /// An entry of <see cref="ScalekitEmulatorOptions.CorsOrigins"/> as browsers send <c>Origin</c>: lower-case scheme
    /// and host, the port unless it is the scheme's default, no trailing slash. Anything but an http(s) origin makes
    /// start-up fail with how to write it.
    /// </summary>
    public static string Normalize(string? entry)
    {
        var text = entry?.Trim() ?? "";
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https")
            || uri.UserInfo.Length > 0
            || uri.PathAndQuery != "/"
            || uri.Fragment.Length > 0)
        {
            throw new InvalidOperationException(
                $"Emulator:CorsOrigins: '{EmulatorLoggingExtensions.Clip(entry)}' is not a web origin. Write scheme, host and port only, as the browser shows them, for example \"http://127.0.0.1:5201\" (no path, no '*').");
        }

        return uri.GetLeftPart(UriPartial.Authority);
    }

    /// <summary><c>OPTIONS /oauth/token</c>.</summary>
    public IResult Preflight(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        var method = context.Request.Headers.AccessControlRequestMethod.ToString();
        context.Response.Headers.Vary = HeaderNames.Origin;
        var refusal = _origins.Count == 0 ? "CORS is off: set Emulator:CorsOrigins to the origin of the page that asks for tokens."
            : origin.Length == 0 ? "the request has no Origin header."
            : !_origins.Contains(origin) ? $"the origin is not one of Emulator:CorsOrigins ({string.Join(", ", _origins)})."
            : method != HttpMethods.Post ? $"only POST is allowed, not '{EmulatorLoggingExtensions.Clip(method)}'."
            : null;
        if (refusal is not null)
        {
            _logger.CorsPreflightRefused(context.Request.Path, EmulatorLoggingExtensions.Clip(origin), refusal);
            return EmulatorResults.Problem(StatusCodes.Status403Forbidden, "CORS preflight refused: " + refusal);
        }

        var headers = context.Response.Headers;
        headers.AccessControlAllowOrigin = origin;
        headers.AccessControlAllowMethods = HttpMethods.Post;
        headers.AccessControlAllowHeaders = AllowedHeaders;
        headers.AccessControlMaxAge = "600";
        return Results.NoContent();
    }

    /// <summary>Marks a token answer readable by an allowed page, before the endpoint writes it.</summary>
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (_origins.Count > 0)
        {
            http.Response.Headers.Vary = HeaderNames.Origin;
            var origin = http.Request.Headers.Origin.ToString();
            if (_origins.Contains(origin))
            {
                http.Response.Headers.AccessControlAllowOrigin = origin;
            }
        }

        return next(context);
    }
}
