namespace Scalekit.AspNetCore.Internal;

/// <summary>Registered by <c>AddScalekitApiAuth</c>; its absence means scope metadata would not be enforced.</summary>
internal sealed class ScalekitApiAuthMarker;
