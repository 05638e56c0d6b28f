using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.SigningKeys;

internal static class HeldFetch
{
    /// <summary>
    /// Starts <paramref name="count"/> callers while the issuer holds its answers back, waits for a JWKS fetch to
    /// arrive, then lets it be answered and returns what every caller got.
    /// </summary>
    public static async Task<T[]> CallersDuringAHeldFetchAsync<T>(this JwksServer issuer, int count, Func<Task<T>> call)
    {
        using var hold = issuer.HoldResponses();
        var arrived = issuer.NextFetch();
        var callers = Enumerable.Range(0, count).Select(_ => call()).ToList();
        await arrived.Bounded();
        hold.Release();
        return await Task.WhenAll(callers).Bounded();
    }
}
