namespace Scalekit.AspNetCore;

/// <summary>
/// The authentication schemes registered by <c>AddScalekitApiAuth</c>, read from
/// <c>IOptions&lt;ScalekitSchemeOptions&gt;</c>: the scope policies authenticate with these, and integrations such as
/// Scalekit.AspNetCore.OpenApi describe one security scheme per name (each with its own
/// <see cref="ScalekitApiAuthOptions"/>, a named option of the same name).
/// </summary>
public sealed class ScalekitSchemeOptions
{
    private readonly List<string> _schemes = [];

    /// <summary>The Scalekit scheme names, in the order they were registered.</summary>
    public IReadOnlyList<string> Schemes => _schemes;

    internal void Add(string scheme)
    {
        if (!_schemes.Contains(scheme, StringComparer.Ordinal))
        {
            _schemes.Add(scheme);
        }
    }
}
