using System.Net;

namespace Scalekit.AspNetCore;

/// <summary>The addresses and issuer derived from <see cref="ScalekitApiAuthOptions"/>, computed in one place.</summary>
internal sealed record ScalekitEndpoints(string Issuer, Uri? JwksUri, Uri? DiscoveryUri)
{
    /// <summary>
    /// The one issuer accepted, compared exactly: a trailing slash on the configured issuer is trimmed once, here, and a
    /// token's <c>iss</c> must then match to the character.
    /// </summary>
    public string[] ValidIssuers { get; } = [Issuer];

    public static ScalekitEndpoints From(ScalekitApiAuthOptions options)
    {
        var environment = (options.EnvironmentUrl ?? string.Empty).Trim().TrimEnd('/');
        var issuer = string.IsNullOrWhiteSpace(options.Issuer) ? environment : options.Issuer.Trim().TrimEnd('/');

        Uri? discovery = null;
        Uri? jwks;
        if (!string.IsNullOrWhiteSpace(options.JwksUri))
        {
            jwks = TryAbsolute(options.JwksUri);
        }
        else if (!string.IsNullOrWhiteSpace(options.DiscoveryUri))
        {
            jwks = null;
            discovery = TryAbsolute(options.DiscoveryUri);
        }
        else
        {
            jwks = TryAbsolute(environment + ScalekitApiAuthDefaults.JwksPath);
        }

        return new ScalekitEndpoints(issuer, jwks, discovery);
    }

    /// <summary>Parses an absolute http(s) address, or returns <see langword="null"/>.</summary>
    public static Uri? TryAbsolute(string? value) =>
        Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : null;

    /// <summary>HTTPS, or plain HTTP to a loopback host when HTTPS is not required there.</summary>
    public static bool IsAllowedMetadataAddress(Uri uri, bool requireHttps) =>
        !requireHttps || uri.Scheme == Uri.UriSchemeHttps || IsLoopback(uri);

    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback
        || string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
