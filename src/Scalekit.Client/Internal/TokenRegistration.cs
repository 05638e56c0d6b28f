using System.Security.Cryptography;
using System.Text;

namespace Scalekit.Client.Internal;

/// <summary>
/// One set of client credentials as the cache and the token endpoint see it, derived from validated options. Not a
/// record, so that no generated <c>ToString</c> can print the secret.
/// </summary>
internal sealed class TokenRegistration
{
    private static readonly char[] ScopeSeparators = [' ', '\t', '\n', '\r'];

    private TokenRegistration(string name, ScalekitClientCredentialsOptions options)
    {
        Name = name;
        Environment = options.EnvironmentUrl!.Trim().TrimEnd('/');
        TokenEndpoint = new Uri(string.IsNullOrWhiteSpace(options.TokenEndpoint) ? Environment + ScalekitClientDefaults.TokenPath : options.TokenEndpoint.Trim());
        ClientId = options.ClientId!.Trim();
        ClientSecret = options.ClientSecret!;
        Scopes = NormalizeScopes(options.Scopes);
        ClientAuthentication = options.ClientAuthentication;
        RefreshBeforeExpiry = options.RefreshBeforeExpiry;
        BufferRequestContent = options.BufferRequestContent;
        MaxBufferedRequestSize = options.MaxBufferedRequestSize;
        UseSharedTokenCache = options.UseSharedTokenCache;
        CacheKey = string.Join('\n', Environment, TokenEndpoint.AbsoluteUri, ClientId, string.Join(' ', Scopes));
        SharedCacheKey = ScalekitClientDefaults.SharedCacheKeyPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CacheKey)));
    }

    /// <summary>The name of the HttpClient the credentials belong to.</summary>
    public string Name { get; }

    public string Environment { get; }

    public Uri TokenEndpoint { get; }

    public string ClientId { get; }

    public string ClientSecret { get; }

    /// <summary>Distinct, sorted: the same set always gives the same cache key.</summary>
    public IReadOnlyList<string> Scopes { get; }

    public ScalekitClientAuthentication ClientAuthentication { get; }

    public TimeSpan RefreshBeforeExpiry { get; }

    public bool BufferRequestContent { get; }

    public long MaxBufferedRequestSize { get; }

    public bool UseSharedTokenCache { get; }

    /// <summary>Environment, token endpoint, client and scopes: the tokens of equal keys are interchangeable.</summary>
    public string CacheKey { get; }

    /// <summary>The key in the shared cache: a hash of <see cref="CacheKey"/>, so that no URL or id shows in Redis.</summary>
    public string SharedCacheKey { get; }

    public string TokenHttpClientName => ScalekitClientDefaults.TokenHttpClientNamePrefix + Name;

    public static TokenRegistration From(string name, ScalekitClientCredentialsOptions options) => new(name, options);

    public static IReadOnlyList<string> NormalizeScopes(IEnumerable<string> scopes) =>
        scopes.SelectMany(s => (s ?? string.Empty).Split(ScopeSeparators, StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();

    public override string ToString() => $"{Name}: client {ClientId} at {Environment}";
}
