using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Scalekit.Client.Tests.Framework;

/// <summary>
/// A service provider as an application would build it: an HttpClient named <see cref="Name"/> on the test API with
/// <c>AddScalekitClientCredentials</c> pointed at the proxy, fake logging at Trace, and tiny retry delays (the backoff
/// shape is the production one; only its base is small, so retries take milliseconds).
/// </summary>
public sealed class ClientServices : IAsyncDisposable
{
    public const string Name = "api";

    private ClientServices(ServiceProvider provider, string clientId)
    {
        Provider = provider;
        ClientId = clientId;
    }

    /// <summary>The API client these services act as.</summary>
    public string ClientId { get; }

    public ServiceProvider Provider { get; }

    public FakeLogCollector Logs => Provider.GetFakeLogCollector();

    public HttpClient CreateClient(string name = Name) => Provider.GetRequiredService<IHttpClientFactory>().CreateClient(name);

    public IScalekitTokenProvider Tokens => Provider.GetRequiredService<IScalekitTokenProvider>();

    public static ClientServices Create(
        ClientEnvironment environment,
        TestCredentials credentials,
        Action<ScalekitClientCredentialsOptions>? configure = null,
        TimeProvider? time = null,
        Action<IServiceCollection>? services = null)
    {
        var collection = new ServiceCollection();
        collection.AddLogging(b => b.AddFakeLogging().SetMinimumLevel(LogLevel.Trace));
        if (time is not null)
        {
            collection.AddSingleton(time);
        }

        services?.Invoke(collection);
        collection.AddHttpClient(Name, c => c.BaseAddress = environment.Api.BaseAddress)
            .AddScalekitClientCredentials(o =>
            {
                o.EnvironmentUrl = environment.Proxy.Url;
                o.ClientId = credentials.ClientId;
                o.ClientSecret = credentials.Secret;
                o.TokenRequest.RetryDelay = TimeSpan.FromMilliseconds(2);
                o.TokenRequest.MaxRetryDelay = TimeSpan.FromMilliseconds(20);
                configure?.Invoke(o);
            });
        return new ClientServices(collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }), credentials.ClientId);
    }

    public async ValueTask DisposeAsync() => await Provider.DisposeAsync();
}
