namespace Scalekit.AspNetCore;

/// <summary>The authentication schemes registered by <c>AddScalekitApiAuth</c>: the scope policies authenticate with these.</summary>
internal sealed class ScalekitSchemeOptions
{
    public List<string> Schemes { get; } = [];
}
