namespace Scalekit.Emulator;

/// <summary>
/// Options of the local Scalekit emulator. Config section <c>Emulator</c>; the environment client also reads
/// <c>SCALEKIT_CLIENT_ID</c> / <c>SCALEKIT_CLIENT_SECRET</c>, as Scalekit's SDK snippets do.
/// </summary>
public sealed class ScalekitEmulatorOptions
{
    /// <summary>
    /// The environment URL: the <c>iss</c> of every token and the base of <c>jwks_uri</c>. When unset, it is the
    /// scheme and host the request came in on (so <c>http://127.0.0.1:5100</c> when called there).
    /// </summary>
    public string? EnvironmentUrl { get; set; }

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

    /// <summary>Serve the admin web page at <c>/</c> (its session endpoint answers loopback callers only). Defaults to <see langword="true"/>.</summary>
    public bool EnableWebUi { get; set; } = true;
}
