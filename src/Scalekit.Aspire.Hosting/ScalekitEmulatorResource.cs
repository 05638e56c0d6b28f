namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// The local Scalekit emulator as an Aspire resource: an executable (the <c>scalekit-emulator</c> .NET tool by default,
/// or the emulator project through <c>dotnet run</c>) with one http endpoint whose URL is the environment URL, the
/// <c>iss</c> of every token it issues.
/// </summary>
/// <remarks>Add it with <c>builder.AddScalekitEmulator("scalekit")</c>.</remarks>
public sealed class ScalekitEmulatorResource : ExecutableResource
{
    /// <summary>The command of the <c>scalekit-emulator</c> .NET tool, run by default.</summary>
    public const string DefaultCommand = "scalekit-emulator";

    /// <summary>The name of the emulator's http endpoint.</summary>
    public const string HttpEndpointName = "http";

    /// <summary>The path the health check polls: the emulator's OpenID discovery document.</summary>
    public const string HealthCheckPath = "/.well-known/openid-configuration";

    /// <summary>The environment client's id when none is given: the emulator's own default.</summary>
    public const string DefaultEnvironmentClientId = "skc_emulator";

    /// <summary>The environment client's secret when none is given: the emulator's own default.</summary>
    public const string DefaultEnvironmentClientSecret = "emulator-secret";

    /// <summary>The database value that keeps nothing: a private in-memory database, new at every start.</summary>
    public const string InMemoryDatabase = ":memory:";

    private EndpointReference? _httpEndpoint;

    /// <summary>Creates the resource.</summary>
    /// <param name="name">The name of the resource.</param>
    /// <param name="workingDirectory">The working directory of the emulator's process.</param>
    /// <param name="databasePath">The SQLite database file (absolute), or <see cref="InMemoryDatabase"/>.</param>
    /// <param name="environmentClientId">The environment client's id; <see cref="DefaultEnvironmentClientId"/> when <see langword="null"/>.</param>
    /// <param name="environmentClientSecret">The environment client's secret; <see cref="DefaultEnvironmentClientSecret"/> when <see langword="null"/>.</param>
    public ScalekitEmulatorResource(
        string name,
        string workingDirectory,
        string databasePath,
        ParameterResource? environmentClientId = null,
        ParameterResource? environmentClientSecret = null)
        : base(name, DefaultCommand, workingDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        DatabasePath = databasePath;
        EnvironmentClientIdParameter = environmentClientId;
        EnvironmentClientSecretParameter = environmentClientSecret;
    }

    /// <summary>The emulator's http endpoint.</summary>
    public EndpointReference HttpEndpoint => _httpEndpoint ??= new EndpointReference(this, HttpEndpointName);

    /// <summary>
    /// The environment URL, <c>http://host:port</c> without a trailing slash: what services get as
    /// <c>SCALEKIT_ENVIRONMENT_URL</c> and what the emulator is told to put in <c>iss</c>.
    /// </summary>
    public ReferenceExpression EnvironmentUrl => ReferenceExpression.Create($"{HttpEndpoint.Property(EndpointProperty.Url)}");

    /// <summary>The parameter holding the environment client's id, if one was given.</summary>
    public ParameterResource? EnvironmentClientIdParameter { get; }

    /// <summary>The parameter holding the environment client's secret, if one was given.</summary>
    public ParameterResource? EnvironmentClientSecretParameter { get; }

    /// <summary>The environment client's id (<c>SCALEKIT_CLIENT_ID</c> of a service that manages API clients).</summary>
    public ReferenceExpression EnvironmentClientId => EnvironmentClientIdParameter is { } parameter
        ? ReferenceExpression.Create($"{parameter}")
        : ReferenceExpression.Create($"{DefaultEnvironmentClientId}");

    /// <summary>The environment client's secret (<c>SCALEKIT_CLIENT_SECRET</c> of a service that manages API clients).</summary>
    public ReferenceExpression EnvironmentClientSecret => EnvironmentClientSecretParameter is { } parameter
        ? ReferenceExpression.Create($"{parameter}")
        : ReferenceExpression.Create($"{DefaultEnvironmentClientSecret}");

    /// <summary>
    /// The emulator's SQLite database: an absolute file path, kept across restarts, or <see cref="InMemoryDatabase"/>.
    /// Set it with <c>WithDatabase</c>.
    /// </summary>
    public string DatabasePath { get; internal set; }

    /// <summary>
    /// The emulator project run with <c>dotnet run</c> instead of the <c>scalekit-emulator</c> tool, or
    /// <see langword="null"/> for the tool. Set it with <c>WithProject</c> or <c>WithProjectPath</c>.
    /// </summary>
    public string? ProjectPath { get; internal set; }

    /// <summary>Whether <c>dotnet run</c> skips building <see cref="ProjectPath"/> (the AppHost already built it).</summary>
    internal bool SuppressProjectBuild { get; set; }
}
