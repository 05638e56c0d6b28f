using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Scalekit.AspNetCore.LoadServer;

/// <summary>
/// Sends <c>GET /hello</c> with a distinct valid ES256 token per request (a fresh <c>jti</c> each), minted here with
/// the issuer's flood key, until <c>--count</c> requests were sent or <c>--seconds</c> have passed, whichever comes
/// first. Prints one line: <c>flood sent=… ok=… refused=… seconds=… rate=…</c>.
/// </summary>
internal static class FloodClient
{
    public static async Task<int> RunAsync(Arguments args)
    {
        var port = args.GetInt("port");
        var count = args.GetInt("count", 1_000_000);
        var limit = TimeSpan.FromSeconds(args.GetInt("seconds", 600));
        var concurrency = args.GetInt("concurrency", 8);

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
        };
        var key = await http.GetFromJsonAsync<FloodKey>("/bench/flood-key") ?? throw new InvalidOperationException("no flood key");

        var next = -1L;
        var ok = 0L;
        var refused = 0L;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            using var minter = new Minter(key);
            long n;
            while ((n = Interlocked.Increment(ref next)) < count && clock.Elapsed < limit)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/hello");
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + minter.Mint(n));
                using var response = await http.SendAsync(request);
                Interlocked.Increment(ref response.StatusCode == HttpStatusCode.OK ? ref ok : ref refused);
            }
        }));
        await Task.WhenAll(workers);

        var seconds = clock.Elapsed.TotalSeconds;
        var sent = ok + refused;
        Console.WriteLine(FormattableString.Invariant($"flood sent={sent} ok={ok} refused={refused} seconds={seconds:F1} rate={sent / seconds:F0}"));
        return refused == 0 ? 0 : 1;
    }

    /// <summary>Mints ES256 tokens shaped like Scalekit's; one per worker (key objects are not shared across threads).</summary>
    private sealed class Minter : IDisposable
    {
        private readonly ECDsa _key = ECDsa.Create();
        private readonly FloodKey _info;
        private readonly string _header;
        private readonly long _now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        public Minter(FloodKey info)
        {
            _info = info;
            _key.ImportPkcs8PrivateKey(Convert.FromBase64String(info.Pkcs8), out _);
            _header = Base64UrlEncoder.Encode($$"""{"alg":"ES256","kid":"{{info.Kid}}","typ":"JWT"}""");
        }

        public string Mint(long n)
        {
            var payload = Base64UrlEncoder.Encode(FormattableString.Invariant(
                $$"""{"iss":"{{_info.Issuer}}","aud":["{{_info.Audience}}"],"sub":"m2morg_68315758685323697","client_id":"m2morg_68315758685323697","oid":"org_59615193906282635","scopes":["{{_info.Scope}}"],"custom_claims":{"environment":"production_us"},"jti":"tkn_flood_{{n}}","iat":{{_now}},"nbf":{{_now}},"exp":{{_now + 3600}}}"""));
            var signed = $"{_header}.{payload}";
            var signature = _key.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256);
            return $"{signed}.{Base64UrlEncoder.Encode(signature)}";
        }

        public void Dispose() => _key.Dispose();
    }
}
