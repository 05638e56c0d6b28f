using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;

namespace Scalekit.AspNetCore;

/// <summary>
/// The token last answered from the validated-token cache on one HTTP/1.x connection, with its entry. A client that
/// keeps its connection open sends the same token again and again; the next request's header is then recognised by
/// comparing it with the previous one (Kestrel even hands out the same string for an unchanged header value) instead
/// of hashing it. The entry is checked on every use as a cache hit is (signing key still published, not expired).
/// The memo lives in the connection's items and goes with the connection; it holds the header value the connection
/// received last, which Kestrel keeps for the connection too. The streams of an HTTP/2 or HTTP/3 connection run
/// concurrently, so they do not use it.
/// </summary>
internal sealed class ConnectionTokenMemo
{
    /// <summary>The header value and its entry, replaced together: a reader never pairs one token's value with another's entry.</summary>
    private Remembered? _last;

    /// <summary>
    /// The memo of <paramref name="context"/>'s connection for <paramref name="owner"/> (one per scheme), created on first
    /// use; <see langword="null"/> when the request is not HTTP/1.x or the server has no connection items.
    /// </summary>
    public static ConnectionTokenMemo? For(HttpContext context, object owner)
    {
        var protocol = context.Request.Protocol;
        if (!HttpProtocol.IsHttp11(protocol) && !HttpProtocol.IsHttp10(protocol)
            || context.Features.Get<IConnectionItemsFeature>()?.Items is not { } items)
        {
            return null;
        }

        if (items.TryGetValue(owner, out var existing))
        {
            return existing as ConnectionTokenMemo;
        }

        var memo = new ConnectionTokenMemo();
        items[owner] = memo;
        return memo;
    }

    /// <summary>The entry remembered for exactly this <c>Authorization</c> header value, if any (not checked yet).</summary>
    public ValidatedToken? Recall(string authorization) =>
        Volatile.Read(ref _last) is { } last && string.Equals(last.Authorization, authorization, StringComparison.Ordinal) ? last.Entry : null;

    /// <summary>Remembers a cache hit that <see cref="Recall"/> could not answer (another token, or an entry that no longer counts).</summary>
    public void Remember(string authorization, ValidatedToken entry) => Volatile.Write(ref _last, new Remembered(authorization, entry));

    private sealed record Remembered(string Authorization, ValidatedToken Entry);
}
