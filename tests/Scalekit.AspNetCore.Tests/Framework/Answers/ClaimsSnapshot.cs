using System.Security.Claims;

namespace Scalekit.AspNetCore.Tests.Framework;

/// <summary>The name and claims of an authenticated user, as <see cref="ProbeEndpoints.Claims"/> answers them.</summary>
public sealed record ClaimsSnapshot(string? Name, ClaimsSnapshot.Entry[] Claims)
{
    public static ClaimsSnapshot Of(ClaimsPrincipal user) =>
        new(user.Identity?.Name, user.Claims.Select(c => new Entry(c.Type, c.Value)).ToArray());

    public IEnumerable<string> Types => Claims.Select(c => c.Type);

    public IEnumerable<string> ValuesOf(string type) => Claims.Where(c => c.Type == type).Select(c => c.Value);

    public sealed record Entry(string Type, string Value);
}
