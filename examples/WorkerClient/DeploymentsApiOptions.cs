namespace WorkerClient;

/// <summary>Where the deployments API is and how often to poll it. Config section <c>DeploymentsApi</c>.</summary>
public sealed class DeploymentsApiOptions
{
    public const string Section = "DeploymentsApi";

    /// <summary>The API; its host is the only one the Scalekit token is sent to. MinimalApi's default address.</summary>
    public Uri BaseAddress { get; set; } = new("http://127.0.0.1:5201");

    /// <summary>The audience <c>register</c> gives the new API client: the one MinimalApi accepts.</summary>
    public string Audience { get; set; } = "deployment-api.acmecorp.com";

    /// <summary>
    /// Register a new API client at start-up with the environment client of <c>Scalekit:Management</c> and use it
    /// (examples/AppHost sets this), instead of <c>SCALEKIT_CLIENT_ID</c> / <c>SCALEKIT_CLIENT_SECRET</c>.
    /// </summary>
    public bool RegisterOnStart { get; set; }

    /// <summary>Time between two polls.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);
}
