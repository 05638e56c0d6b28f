using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using Scalekit.Tokens;

namespace Scalekit.AspNetCore.Testing.Internal;

/// <summary>An RSA-2048 signing key with a Scalekit-shaped <c>kid</c> (<c>snk_…</c>), signing RS256 as Scalekit does.</summary>
internal sealed class AuthorityKey : IDisposable
{
    private AuthorityKey(RSA rsa)
    {
        Key = new RsaSecurityKey(rsa) { KeyId = ScalekitIds.SigningKey() };
        Credentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256);
    }

    public string Kid => Key.KeyId;

    public RsaSecurityKey Key { get; }

    public SigningCredentials Credentials { get; }

    public static AuthorityKey Create() => new(RSA.Create(2048));

    public void Dispose() => Key.Rsa.Dispose();
}
