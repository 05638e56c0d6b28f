namespace Scalekit.Client.Internal;

/// <summary>The HttpClients that carry Scalekit client credentials, and the configuration section each one reads.</summary>
internal sealed class ScalekitClientRegistrations
{
    public Dictionary<string, string> SectionByName { get; } = new(StringComparer.Ordinal);

    /// <summary>What to say when <paramref name="clientName"/> has no Scalekit client credentials, and how to add them.</summary>
    public static string NotRegistered(string clientName) =>
        $"No Scalekit client credentials are registered for the HttpClient '{clientName}'. Call services.AddHttpClient(\"{clientName}\").AddScalekitClientCredentials().";
}
