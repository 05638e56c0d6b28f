using Microsoft.Extensions.Options;
using Scalekit.Emulator.Hosting;

namespace Scalekit.Emulator.Internal;

/// <summary>The environment URL the emulator speaks for: the configured one, or the scheme and host of the request.</summary>
internal sealed class EmulatorIssuer(IOptions<ScalekitEmulatorOptions> options)
{
    public string For(HttpContext context) =>
        options.Value.EnvironmentUrl?.TrimEnd('/') ?? $"{Scheme(context)}://{context.Request.Host}";

    // Over cleartext HTTP/2 the client names the scheme (:scheme); the connection is http whatever it says.
    private static string Scheme(HttpContext context) => PriorKnowledgeHttp2.IsPriorKnowledge(context) ? "http" : context.Request.Scheme;
}
