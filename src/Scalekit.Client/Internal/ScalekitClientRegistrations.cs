namespace Scalekit.Client.Internal;

/// <summary>The HttpClients that carry Scalekit client credentials, and the configuration section each one reads.</summary>
internal sealed class ScalekitClientRegistrations
{
    public Dictionary<string, string> SectionByName { get; } = new(StringComparer.Ordinal);
}
