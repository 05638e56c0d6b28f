using Microsoft.Extensions.Options;

namespace Scalekit.Emulator.Internal;

/// <summary>The environment URL the emulator speaks for: the configured one, or the scheme and host of the request.</summary>
internal sealed class EmulatorIssuer(IOptions<ScalekitEmulatorOptions> options)
{
    public string For(HttpContext context) =>
        options.Value.EnvironmentUrl?.TrimEnd('/') ?? $"{context.Request.Scheme}://{context.Request.Host}";
}
