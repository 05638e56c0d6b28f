namespace Scalekit.Client.Management;

/// <summary>
/// A new API client and its first secret. <see cref="PlainSecret"/> is returned this once and never again: hand it to
/// the client's developers (a view-once page) or your secret store now. <see cref="ToString"/> does not show it.
/// </summary>
/// <param name="Client">The client.</param>
/// <param name="PlainSecret">The secret, in clear, this once.</param>
public sealed record ScalekitCreatedApiClient(ScalekitApiClient Client, string PlainSecret)
{
    /// <summary>Describes the client without its secret.</summary>
    /// <returns>The client id and the secret's suffix.</returns>
    public override string ToString() =>
        $"{nameof(ScalekitCreatedApiClient)} {{ ClientId = {Client.ClientId}, PlainSecret = (hidden, ends in {Client.Secrets?.LastOrDefault()?.SecretSuffix}) }}";
}
