namespace Scalekit.Client.Management;

/// <summary>
/// A new API key. <see cref="PlainKey"/> is returned this once and never again: hand it to its owner (a view-once page)
/// now, and keep only <see cref="ScalekitApiKey.Id"/>. <see cref="ToString"/> does not show it.
/// </summary>
/// <param name="ApiKey">The key's details, as listed from now on.</param>
/// <param name="PlainKey">The key, in clear, this once (<c>token</c>).</param>
public sealed record ScalekitCreatedApiKey(ScalekitApiKey ApiKey, string PlainKey)
{
    /// <summary>Describes the key without its value.</summary>
    /// <returns>The key's id and suffix.</returns>
    public override string ToString() =>
        $"{nameof(ScalekitCreatedApiKey)} {{ Id = {ApiKey.Id}, PlainKey = (hidden, ends in {ApiKey.KeySuffix}) }}";
}
