namespace Scalekit.AspNetCore.Internal;

/// <summary>The token is longer than <see cref="ScalekitApiAuthOptions.MaxTokenSize"/>; it was not parsed.</summary>
internal sealed class ScalekitTokenTooLargeException(int length, int limit)
    : Exception($"The access token has {length} characters; the limit is {limit}.");
