using Microsoft.Extensions.Options;

namespace Scalekit.AspNetCore.Testing.Internal;

/// <summary>
/// Points every Scalekit scheme of the app at the test authority: environment URL and issuer, JWKS at
/// <c>&lt;issuer&gt;/keys</c>, and the authority's audience when it has one. Then applies the test's own adjustments and
/// tells the authority which audience the app accepts. Everything else (validation rules, key cache, scopes) stays as the
/// app configured it.
/// </summary>
internal sealed class PointSchemesAtTestAuthority(ScalekitTestAuthority authority, Action<ScalekitApiAuthOptions>? configure)
    : IPostConfigureOptions<ScalekitApiAuthOptions>
{
    /// <summary>
    /// The cooldown between two fetches for unknown <c>kid</c>s. Tests rotate keys and send unknown-key tokens in any
    /// order, often within the default 10 s: with it, whether a rotation is seen would depend on test order.
    /// </summary>
    internal static readonly TimeSpan UnknownKeyCooldown = TimeSpan.FromTicks(1);

    public void PostConfigure(string? name, ScalekitApiAuthOptions options)
    {
        options.EnvironmentUrl = authority.Issuer;
        options.Issuer = null;
        options.JwksUri = null;
        options.DiscoveryUri = null;
        if (authority.Audience is { } audience)
        {
            options.Audiences = [audience];
        }

        options.Keys.UnknownKeyCooldown = UnknownKeyCooldown;

        // No fetch at start-up: JwksRequestCount counts what requests caused, the same in every run.
        options.Keys.WarmUp = false;
        configure?.Invoke(options);
        authority.Attach(options);
    }
}
