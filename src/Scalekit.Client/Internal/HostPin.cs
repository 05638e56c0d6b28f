using System.Globalization;

namespace Scalekit.Client.Internal;

/// <summary>
/// The hosts a token may be sent to: the HttpClient's <c>BaseAddress</c> (its scheme, host and port) plus
/// <see cref="ScalekitClientCredentialsOptions.AllowedHosts"/>. With <c>RequireHttps</c>, plain HTTP only to loopback.
/// </summary>
internal sealed class HostPin
{
    private readonly List<Origin> _origins;
    private readonly bool _requireHttps;

    private HostPin(List<Origin> origins, bool requireHttps)
    {
        _origins = origins;
        _requireHttps = requireHttps;
    }

    public bool IsEmpty => _origins.Count == 0;

    /// <summary>Entries of <c>AllowedHosts</c> that are neither an absolute http(s) URL nor a host name.</summary>
    public IReadOnlyList<string> Invalid { get; private init; } = [];

    public static HostPin Create(Uri? baseAddress, IEnumerable<string> allowedHosts, bool requireHttps)
    {
        var origins = new List<Origin>();
        var invalid = new List<string>();
        if (baseAddress is { IsAbsoluteUri: true })
        {
            origins.Add(Origin.Of(baseAddress));
        }

        foreach (var entry in allowedHosts.Where(h => !string.IsNullOrWhiteSpace(h)).Select(h => h.Trim()))
        {
            if (Parse(entry) is { } origin)
            {
                origins.Add(origin);
            }
            else
            {
                invalid.Add(entry);
            }
        }

        return new HostPin(origins, requireHttps) { Invalid = invalid };
    }

    public bool Allows(Uri uri) =>
        uri.IsAbsoluteUri
        && IsSecureEnough(uri, _requireHttps)
        && _origins.Any(o => o.Matches(uri));

    /// <summary>HTTPS, or plain HTTP to a loopback host, or anything when HTTPS is not required.</summary>
    public static bool IsSecureEnough(Uri uri, bool requireHttps) =>
        !requireHttps || uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback);

    public static string OriginOf(Uri uri) => uri.IsAbsoluteUri ? uri.GetLeftPart(UriPartial.Authority) : "(a relative address)";

    public override string ToString() => IsEmpty ? "no host" : string.Join(", ", _origins);

    private static Origin? Parse(string entry)
    {
        if (entry.Contains("://", StringComparison.Ordinal))
        {
            return Uri.TryCreate(entry, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                ? Origin.Of(uri)
                : null;
        }

        // "host" or "host:port": any scheme that passes the HTTPS rule.
        return Uri.TryCreate("https://" + entry, UriKind.Absolute, out var hostOnly) && hostOnly.PathAndQuery == "/"
            ? new Origin(null, hostOnly.IdnHost, entry.EndsWith(":" + hostOnly.Port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal) ? hostOnly.Port : null)
            : null;
    }

    private sealed record Origin(string? Scheme, string Host, int? Port)
    {
        public static Origin Of(Uri uri) => new(uri.Scheme, uri.IdnHost, uri.Port);

        public bool Matches(Uri uri) =>
            string.Equals(Host, uri.IdnHost, StringComparison.OrdinalIgnoreCase)
            && (Scheme is null || Scheme == uri.Scheme)
            && (Port is null || Port == uri.Port);

        public override string ToString() =>
            (Scheme is null ? "" : Scheme + "://") + Host + (Port is null ? "" : ":" + Port.Value.ToString(CultureInfo.InvariantCulture));
    }
}
