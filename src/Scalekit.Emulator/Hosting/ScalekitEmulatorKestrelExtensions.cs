using Microsoft.AspNetCore.Server.Kestrel.Core;
using Scalekit.Emulator.Hosting;

namespace Scalekit.Emulator;

/// <summary>Serves the emulator's protocols from Kestrel: HTTP/1.1 and HTTP/2 on one address, as Scalekit's SDKs need.</summary>
public static class ScalekitEmulatorKestrelExtensions
{
    /// <summary>
    /// Makes every endpoint configured after this call serve HTTP/1.1 and HTTP/2: on <c>http://</c>, HTTP/2 with prior
    /// knowledge (h2c), detected from its connection preface, which Scalekit's SDKs use for the management API's gRPC
    /// calls while their token and key requests use HTTP/1.1 on the same address; on <c>https://</c>, ALPN. Call it
    /// before <c>Listen</c>. Requests over cleartext HTTP/2 see a cleartext connection, as HTTP/1.1 ones do.
    /// </summary>
    /// <param name="options">Kestrel's options.</param>
    /// <param name="prefaceTimeout">
    /// How long a cleartext connection may take to show whether it speaks HTTP/2 (its first 24 bytes); one that sends
    /// part of the preface and stalls longer is closed. Defaults to 10 seconds.
    /// </param>
    /// <returns>A reference to <paramref name="options"/> after the operation has completed.</returns>
    /// <example>
    /// <code>
    /// builder.WebHost.ConfigureKestrel(kestrel => kestrel.UseScalekitEmulatorProtocols());
    /// </code>
    /// </example>
    public static KestrelServerOptions UseScalekitEmulatorProtocols(this KestrelServerOptions options, TimeSpan? prefaceTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var timeout = prefaceTimeout ?? PriorKnowledgeHttp2.DefaultPrefaceTimeout;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero, nameof(prefaceTimeout));
        options.ConfigureEndpointDefaults(listen =>
        {
            listen.Protocols = HttpProtocols.Http1AndHttp2;
            listen.Use(PriorKnowledgeHttp2.Middleware(timeout));
        });
        return options;
    }
}
