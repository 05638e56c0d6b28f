using Microsoft.IdentityModel.JsonWebTokens;

namespace Scalekit.AspNetCore.Testing.Tests.Framework;

/// <summary>Reads a minted token without validating it, to look at its header and claims.</summary>
public static class Jwt
{
    public static JsonWebToken Read(string token) => new(token);

    public static string[] Audiences(string token) => Read(token).Audiences.ToArray();
}
