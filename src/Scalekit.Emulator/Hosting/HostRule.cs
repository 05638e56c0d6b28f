using System.Net;
using Microsoft.Extensions.Options;

namespace Scalekit.Emulator.Hosting;

/// <summary>
/// The hosts the emulator answers, a guard against DNS rebinding: its environment credentials are public, so a web
/// page that rebinds its own host name to <c>127.0.0.1</c> could otherwise call the management API as same-origin.
/// Accepted are loopback names and addresses (<c>localhost</c>, <c>*.localhost</c>, which RFC 6761 §6.3 keeps from ever
/// resolving elsewhere, <c>127.0.0.0/8</c>, <c>[::1]</c>), the host of <see cref="ScalekitEmulatorOptions.EnvironmentUrl"/>
/// and <see cref="ScalekitEmulatorOptions.AllowedHosts"/>: compared without port, in any case, with or without the trailing
/// dot of a fully qualified name, and IP addresses in their canonical form. A request without a <c>Host</c> (HTTP/1.0)
/// is answered too: browsers always send one, so it cannot be a rebound page's.
/// </summary>
internal sealed class HostRule
{
    private const string Loopback = "localhost, *.localhost, 127.0.0.0/8, [::1]";

    private readonly HashSet<string> _named;

    public HostRule(IOptions<ScalekitEmulatorOptions> options)
    {
        var value = options.Value;
        var named = value.AllowedHosts.Select(Configured).Where(host => host.Length > 0);
        if (Uri.TryCreate(value.EnvironmentUrl, UriKind.Absolute, out var environment))
        {
            named = named.Prepend(Normalize(environment.Host));
        }

        _named = new HashSet<string>(named, StringComparer.OrdinalIgnoreCase);
        Accepted = _named.Count == 0 ? Loopback : Loopback + ", " + string.Join(", ", _named);
    }

    /// <summary>The accepted hosts as a refusal names them, e.g. <c>localhost, *.localhost, 127.0.0.0/8, [::1], scalekit</c>.</summary>
    public string Accepted { get; }

    /// <summary>Whether a request for <paramref name="host"/> (a <c>Host</c> header, with or without port) is answered.</summary>
    public bool Accepts(HostString host)
    {
        if (!host.HasValue)
        {
            return true;
        }

        var name = Normalize(host.Host);
        return IsLoopback(name) || _named.Contains(name);
    }

    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));

    /// <summary>An entry of <see cref="ScalekitEmulatorOptions.AllowedHosts"/>: a host, an IP address (IPv6 with or without brackets), or either with a port.</summary>
    private static string Configured(string? entry)
    {
        var text = entry?.Trim() ?? "";
        return Normalize(IPAddress.TryParse(text, out _) ? text : new HostString(text).Host);
    }

    /// <summary>
    /// A host as compared: without the trailing dot of a fully qualified name (<c>localhost.</c> is <c>localhost</c>), an
    /// IP address in its canonical form (<c>[::1]</c>, <c>127.0.0.1</c>).
    /// </summary>
    private static string Normalize(string? host)
    {
        var name = host?.Trim() ?? "";
        if (IPAddress.TryParse(name, out var address))
        {
            return address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
        }

        return name.Length > 1 && name[^1] == '.' ? name[..^1] : name;
    }
}
