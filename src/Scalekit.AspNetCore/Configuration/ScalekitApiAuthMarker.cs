namespace Scalekit.AspNetCore;

/// <summary>Registered by <c>AddScalekitApiAuth</c>; its absence means scope metadata would not be enforced.</summary>
internal sealed class ScalekitApiAuthMarker;
