namespace Scalekit.Client.Management;

/// <summary>
/// A secret added to an API client, for rotation: add a new one, move callers to it, revoke the old one.
/// <see cref="PlainSecret"/> is returned this once; <see cref="ToString"/> does not show it.
/// </summary>
/// <param name="Secret">The secret as listed from now on.</param>
/// <param name="PlainSecret">The secret, in clear, this once.</param>
public sealed record ScalekitCreatedSecret(ScalekitClientSecret Secret, string PlainSecret)
{
    /// <summary>Describes the secret without its value.</summary>
    /// <returns>The secret id and suffix.</returns>
    public override string ToString() =>
        $"{nameof(ScalekitCreatedSecret)} {{ SecretId = {Secret.Id}, PlainSecret = (hidden, ends in {Secret.SecretSuffix}) }}";
}
