using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Scalekit.Client.Tests.Framework;

namespace Scalekit.Client.Tests.Diagnostics;

/// <summary>The token-request span of the <c>Scalekit.Client</c> activity source.</summary>
public sealed class ClientTracingTests : IClassFixture<ClientEnvironment>, IDisposable
{
    private readonly ClientEnvironment _environment;
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;
    private readonly Activity _parent;

    public ClientTracingTests(ClientEnvironment environment)
    {
        _environment = environment;
        _listener = Listen(_stopped);
        _parent = new Activity("test").Start();
    }

    [Fact]
    public async Task A_token_request_is_one_span_with_the_endpoint_and_status_and_no_secret()
    {
        // Arrange
        var credentials = await _environment.RegisterClientAsync();
        await using var services = ClientServices.Create(_environment, credentials);
        var client = services.CreateClient();
        var endpoint = new Uri(_environment.Proxy.Url);

        // Act
        using var first = await client.GetAsync("api/deployments");
        using var second = await client.GetAsync("api/deployments");

        // Assert
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        var span = Spans().Should().ContainSingle("the second call is served from the cache").Subject;
        span.Kind.Should().Be(ActivityKind.Internal);
        span.Status.Should().Be(ActivityStatusCode.Unset);
        span.GetTagItem("server.address").Should().Be(endpoint.Host);
        span.GetTagItem("server.port").Should().Be(endpoint.Port);
        span.GetTagItem("http.response.status_code").Should().Be(200);
        span.GetTagItem("error.type").Should().BeNull();
        var token = _environment.Api.Requests.Last().BearerToken!;
        span.TagObjects.Select(t => t.Value?.ToString() ?? "").Should().NotContain(v => v.Contains(token, StringComparison.Ordinal) || v.Contains(credentials.Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refused_token_request_is_an_error_span_with_the_OAuth_error_as_error_type()
    {
        // Arrange
        var credentials = await _environment.RegisterClientAsync();
        await using var services = ClientServices.Create(_environment, credentials with { Secret = "not-the-secret-4f9a" });

        // Act
        var call = () => services.Tokens.GetTokenAsync(ClientServices.Name);

        // Assert
        var thrown = (await call.Should().ThrowAsync<ScalekitTokenException>()).Which;
        var span = Spans().Should().ContainSingle().Subject;
        span.Status.Should().Be(ActivityStatusCode.Error);
        span.GetTagItem("error.type").Should().Be("invalid_client");
        span.GetTagItem("http.response.status_code").Should().Be((int)thrown.StatusCode!);
    }

    [Fact]
    public async Task An_unreachable_token_endpoint_is_an_error_span_with_the_exception_type()
    {
        // Arrange: a port nobody listens on
        await using var services = ClientServices.Create(_environment, await _environment.RegisterClientAsync(), o =>
        {
            o.TokenEndpoint = "http://127.0.0.1:1/oauth/token";
            o.TokenRequest.MaxRetryAttempts = 0;
        });

        // Act
        var call = () => services.Tokens.GetTokenAsync(ClientServices.Name);

        // Assert
        await call.Should().ThrowAsync<ScalekitTokenException>();
        var span = Spans().Should().ContainSingle().Subject;
        span.Status.Should().Be(ActivityStatusCode.Error);
        span.GetTagItem("error.type").Should().Be(typeof(HttpRequestException).FullName);
        span.GetTagItem("http.response.status_code").Should().BeNull();
    }

    public void Dispose()
    {
        _parent.Dispose();
        _listener.Dispose();
    }

    /// <summary>The spans of this test: other test classes run in parallel, so only this trace counts.</summary>
    private List<Activity> Spans() =>
        [.. _stopped.Where(a => a.TraceId == _parent.TraceId && a.OperationName == ScalekitClientDefaults.TokenRequestActivityName)];

    private static ActivityListener Listen(ConcurrentQueue<Activity> stopped)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ScalekitClientDefaults.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
