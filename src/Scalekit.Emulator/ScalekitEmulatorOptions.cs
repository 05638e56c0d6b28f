namespace Scalekit.Emulator;

/// <summary>
/// Options of the local Scalekit emulator. Config section <c>Emulator</c>; the environment client also reads
/// <c>SCALEKIT_CLIENT_ID</c> / <c>SCALEKIT_CLIENT_SECRET</c>, as Scalekit's SDK snippets do.
/// </summary>
public sealed class ScalekitEmulatorOptions
{
    /// <summary>
    /// The environment URL: the <c>iss</c> of every token and the base of <c>jwks_uri</c>. When unset, it is the
    /// scheme and host the request came in on (so <c>http://127.0.0.1:5100</c> when called there). Its host is also
    /// one the emulator answers, besides loopback (see <see cref="AllowedHosts"/>).
    /// </summary>
    public string? EnvironmentUrl { get; set; }

    /// <summary>
    /// Further host names (or IP addresses) the emulator answers, such as <c>scalekit</c> for a container reached by
    /// that name; compared without port and case. Every request whose <c>Host</c> is not loopback (<c>localhost</c>,
    /// <c>*.localhost</c>, <c>127.0.0.0/8</c>, <c>[::1]</c>), not the host of <see cref="EnvironmentUrl"/> and not
    /// listed here is refused with 421 Misdirected Request: a web page could otherwise reach the emulator through a
    /// DNS-rebinding host name. Empty by default.
    /// </summary>
    public IList<string> AllowedHosts { get; } = [];

    /// <summary>
    /// Web origins (<c>scheme://host[:port]</c>, such as <c>http://127.0.0.1:5201</c>) whose pages may call
    /// <c>POST /oauth/token</c> from the browser: an API explorer served by an API under development, authorizing with
    /// an API client's id and secret. For these origins only, and exactly, the token endpoint answers the CORS
    /// preflight and its answers carry <c>Access-Control-Allow-Origin</c>; never <c>Access-Control-Allow-Credentials</c>
    /// (the client authenticates with its secret, not with cookies). No other endpoint answers CORS. Config key
    /// <c>Emulator:CorsOrigins</c> (array); empty, so off, by default.
    /// </summary>
    public IList<string> CorsOrigins { get; } = [];

    /// <summary>
    /// The SQLite database: a file path, or <c>:memory:</c> for a private in-memory database that lives as long as
    /// the emulator (tests). Defaults to <see cref="DefaultDatabase"/>, a per-user file.
    /// </summary>
    public string Database { get; set; } = DefaultDatabase;

    /// <summary>
    /// The default database: <c>scalekit-emulator.db</c> in a <c>Scalekit/Emulator</c> folder of the user's local
    /// application data (<c>~/.local/share</c> on Linux, <c>%LOCALAPPDATA%</c> on Windows,
    /// <c>~/Library/Application Support</c> on macOS); in the current folder when the user has none.
    /// </summary>
    public static string DefaultDatabase { get; } = Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify) is { Length: > 0 } data
            ? Path.Combine(data, "Scalekit", "Emulator")
            : "",
        "scalekit-emulator.db");

    /// <summary>The environment's own client id, used for the management API (<c>SCALEKIT_CLIENT_ID</c>).</summary>
    public string EnvironmentClientId { get; set; } = "skc_emulator";

    /// <summary>The environment client's secret (<c>SCALEKIT_CLIENT_SECRET</c>).</summary>
    public string EnvironmentClientSecret { get; set; } = "emulator-secret";

    /// <summary>Lifetime of the environment client's tokens. Defaults to 86399 seconds, as Scalekit's docs show.</summary>
    public TimeSpan EnvironmentTokenLifetime { get; set; } = TimeSpan.FromSeconds(86399);

    /// <summary>How long a signing key stays in the JWKS after a rotation replaced it. Defaults to 1 hour.</summary>
    public TimeSpan KeyRotationGracePeriod { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Serve the admin web page at <c>/</c> and its session endpoint <c>/ui/session</c>. Defaults to <see langword="true"/>.</summary>
    public bool EnableWebUi { get; set; } = true;

    /// <summary>
    /// Let <c>/ui/session</c> hand the admin page an environment-client token without credentials, to same-origin
    /// requests from a loopback caller. When <see langword="false"/>, the page asks for a pasted environment token
    /// instead. Defaults to <see langword="true"/>; has no effect when <see cref="EnableWebUi"/> is <see langword="false"/>.
    /// </summary>
    public bool EnableUiSession { get; set; } = true;
}
