using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace Scalekit.Client.Internal;

/// <summary>
/// The <c>BaseAddress</c> that <c>AddHttpClient(…, c =&gt; c.BaseAddress = …)</c> gives a named client: the configure
/// actions are applied to a throw-away HttpClient. A typed client that sets it in its own constructor is not seen here;
/// such clients list their host in <c>AllowedHosts</c>.
/// </summary>
internal static class HttpClientBaseAddress
{
    public static Uri? Find(IOptionsMonitor<HttpClientFactoryOptions> factoryOptions, string name)
    {
        var actions = factoryOptions.Get(name).HttpClientActions;
        if (actions.Count == 0)
        {
            return null;
        }

        using var probe = new HttpClient();
        foreach (var action in actions)
        {
            action(probe);
        }

        return probe.BaseAddress;
    }
}
