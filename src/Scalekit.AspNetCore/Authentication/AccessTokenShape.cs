namespace Scalekit.AspNetCore;

/// <summary>
/// What <see cref="AccessTokenReader"/> found in a token before its signature is checked: the header's <c>kid</c> and
/// <c>alg</c>, the scopes the payload grants, and the first reason to refuse it, if any.
/// </summary>
internal struct AccessTokenShape
{
    private Registered _headerSeen;
    private Registered _payloadSeen;
    private HashSet<string>? _scopes;

    /// <summary>The header's <c>kid</c>, or <see langword="null"/>.</summary>
    public string? Kid { get; set; }

    /// <summary>The header's <c>alg</c>, or <see langword="null"/>.</summary>
    public string? Alg { get; set; }

    /// <summary>Why the token is refused, or <see langword="null"/> while nothing refuses it.</summary>
    public TokenFailureReason? Failure { get; private set; }

    /// <summary>What exactly is wrong, in a fixed vocabulary for the log (never token content).</summary>
    public string? Detail { get; private set; }

    /// <summary>Whether the payload has a <c>client_id</c> or a <c>sub</c>.</summary>
    public bool HasSubject { get; set; }

    /// <summary>How many scope values granted nothing (not a scope-token, or not a string).</summary>
    public int IgnoredScopeValues { get; set; }

    /// <summary>The distinct scopes granted, or <see langword="null"/> when none.</summary>
    public readonly IReadOnlyCollection<string>? Scopes => _scopes;

    /// <summary>Records the first reason to refuse the token; later ones are ignored.</summary>
    public AccessTokenShape Refuse(TokenFailureReason reason, string detail)
    {
        if (Failure is null)
        {
            Failure = reason;
            Detail = detail;
        }

        return this;
    }

    /// <summary>
    /// Notes that the header (or payload) has <paramref name="member"/>; refuses the token and returns
    /// <see langword="false"/> when it had it already (RFC 7515 §4, RFC 7519 §4: member names are unique).
    /// </summary>
    public bool Note(Registered member, bool header)
    {
        ref var seen = ref header ? ref _headerSeen : ref _payloadSeen;
        if ((seen & member) != 0)
        {
            Refuse(TokenFailureReason.Malformed, "a registered member appears twice in the header or the payload");
            return false;
        }

        seen |= member;
        return true;
    }

    /// <summary>Grants <paramref name="scope"/> when it is a scope-token (RFC 6749 §3.3), else counts it as ignored.</summary>
    public void Grant(string scope)
    {
        if (!IsScopeToken(scope))
        {
            IgnoredScopeValues++;
            return;
        }

        (_scopes ??= new HashSet<string>(StringComparer.Ordinal)).Add(scope);
    }

    /// <summary><c>scope-token = 1*( %x21 / %x23-5B / %x5D-7E )</c>.</summary>
    public static bool IsScopeToken(ReadOnlySpan<char> scope)
    {
        if (scope.IsEmpty)
        {
            return false;
        }

        foreach (var c in scope)
        {
            if (c is < '\x21' or '"' or '\\' or > '\x7E')
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>The members of the header and the payload that <see cref="AccessTokenReader"/> reads or keeps unique, as bits.</summary>
[Flags]
internal enum Registered
{
    None = 0,
    Alg = 1 << 0,
    Kid = 1 << 1,
    Typ = 1 << 2,
    Crit = 1 << 3,
    Cty = 1 << 4,
    Jku = 1 << 5,
    Jwk = 1 << 6,
    X5u = 1 << 7,
    X5c = 1 << 8,
    X5t = 1 << 9,
    X5tS256 = 1 << 10,
    B64 = 1 << 11,
    Iss = 1 << 12,
    Aud = 1 << 13,
    Exp = 1 << 14,
    Nbf = 1 << 15,
    Iat = 1 << 16,
    Sub = 1 << 17,
    ClientId = 1 << 18,
    Jti = 1 << 19,
    Oid = 1 << 20,
    Scope = 1 << 21,
    Scopes = 1 << 22,
    Scp = 1 << 23,
    CustomClaims = 1 << 24,
    Azp = 1 << 25,
}
