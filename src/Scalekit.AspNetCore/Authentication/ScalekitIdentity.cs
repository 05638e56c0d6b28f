using System.Security.Claims;

namespace Scalekit.AspNetCore;

/// <summary>
/// Whether an identity is one a Scalekit scheme authenticated: its <see cref="ClaimsIdentity.AuthenticationType"/> is
/// the scheme's name (set in <c>ConfigureScalekitJwtBearerOptions</c>). Scopes and the caller are read from such
/// identities only; identities of other schemes merged into the same principal never count.
/// </summary>
internal static class ScalekitIdentity
{
    /// <summary>Whether a Scalekit scheme in <paramref name="schemes"/> authenticated <paramref name="identity"/>. Allocates nothing.</summary>
    public static bool IsFrom(ClaimsIdentity? identity, IReadOnlyList<string> schemes)
    {
        if (identity?.AuthenticationType is not { } type)
        {
            return false;
        }

        for (var i = 0; i < schemes.Count; i++)
        {
            if (string.Equals(schemes[i], type, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
