using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace Scalekit.AspNetCore.Tests.ApiKeys;

/// <summary>The validation client does not follow redirects: a 307/308 would re-post the plain key to another address.</summary>
public sealed class ApiKeyRedirectTests
{
    [Fact]
    public async Task The_API_key_validation_client_does_not_follow_redirects()
    {
        // Arrange
        await using var host = await ApiKeyHost.StartAsync();
        var factory = host.Api.Services.GetRequiredService<IHttpMessageHandlerFactory>();

        // Act: walk to the primary handler of the validation client
        HttpMessageHandler handler = factory.CreateHandler(ScalekitApiAuthDefaults.ApiKeysHttpClientName);
        while (handler is DelegatingHandler delegating)
        {
            handler = delegating.InnerHandler!;
        }

        // Assert
        var follows = handler switch
        {
            SocketsHttpHandler sockets => sockets.AllowAutoRedirect,
            HttpClientHandler client => client.AllowAutoRedirect,
            _ => throw new InvalidOperationException(handler.GetType().FullName),
        };
        follows.Should().BeFalse();
    }

    [Theory]
    [InlineData(HttpStatusCode.TemporaryRedirect)]
    [InlineData(HttpStatusCode.PermanentRedirect)]
    public async Task A_redirect_answer_to_the_validation_is_503_with_Retry_After_not_a_refusal(HttpStatusCode redirect)
    {
        // Arrange: the environment answers the validation with a redirect to another host
        await using var host = await ApiKeyHost.StartAsync(services: s =>
            s.AddHttpClient(ScalekitApiAuthDefaults.ApiKeysHttpClientName).AddHttpMessageHandler(() => new RedirectingHandler(redirect)));
        var created = await host.CreateKeyAsync();

        // Act
        using var response = await host.GetAsync("/authenticated", created.PlainKey);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter.Should().NotBeNull();
        host.LogsOf(44).Should().ContainSingle().Which.Message.Should().Contain(((int)redirect).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Fault injection: answers <c>tokens:validate</c> with a redirect to another loopback address.</summary>
    private sealed class RedirectingHandler(HttpStatusCode redirect) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!request.RequestUri!.AbsolutePath.EndsWith("tokens:validate", StringComparison.Ordinal))
            {
                return base.SendAsync(request, cancellationToken);
            }

            var response = new HttpResponseMessage(redirect) { RequestMessage = request };
            response.Headers.Location = new Uri("http://127.0.0.2:1/api/v1/tokens:validate");
            return Task.FromResult(response);
        }
    }
}
