using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Scalekit.AspNetCore.Tests.Framework;
using Scalekit.AspNetCore.Tests.SigningKeys;

namespace Scalekit.AspNetCore.Tests.Diagnostics;

/// <summary>The spans of the <c>Scalekit.AspNetCore</c> activity source, seen from the real pipeline.</summary>
public sealed class TracingTests
{
    [Fact]
    public async Task A_full_validation_is_one_span_tagged_with_its_scheme_and_success()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartWithCachedKeysAsync();
        using var recorder = new ActivityRecorder();

        // Act
        using var response = await SendAsync(host, recorder, host.ValidToken());

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var span = recorder.Named(ScalekitApiAuthDefaults.TokenValidationActivityName).Should().ContainSingle().Subject;
        span.GetTagItem("scalekit.auth.scheme").Should().Be(ScalekitApiAuthDefaults.AuthenticationScheme);
        span.GetTagItem("scalekit.auth.outcome").Should().Be("success");
        span.Status.Should().Be(ActivityStatusCode.Unset);
        span.GetTagItem("error.type").Should().BeNull();
    }

    [Fact]
    public async Task A_refused_token_ends_its_validation_span_in_error_with_the_reason_as_error_type()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartWithCachedKeysAsync();
        using var recorder = new ActivityRecorder();
        var tampered = HostileTokens.Named(host.Issuer, "tampered");

        // Act
        using var response = await SendAsync(host, recorder, tampered);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var span = recorder.Named(ScalekitApiAuthDefaults.TokenValidationActivityName).Should().ContainSingle().Subject;
        span.Status.Should().Be(ActivityStatusCode.Error);
        span.GetTagItem("error.type").Should().Be("invalid_signature");
        span.GetTagItem("scalekit.auth.outcome").Should().Be("invalid_signature");
    }

    [Fact]
    public async Task A_token_the_strict_reading_refuses_still_gets_a_validation_span()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartWithCachedKeysAsync();
        using var recorder = new ActivityRecorder();

        // Act
        using var response = await SendAsync(host, recorder, HostileTokens.Named(host.Issuer, "garbage"));

        // Assert
        var span = recorder.Named(ScalekitApiAuthDefaults.TokenValidationActivityName).Should().ContainSingle().Subject;
        span.GetTagItem("error.type").Should().Be("malformed");
    }

    [Fact]
    public async Task A_validated_token_cache_hit_has_no_validation_span()
    {
        // Arrange: the cache keeps a token from its second validation on ("second sight").
        await using var host = await SigningKeysHost.StartWithCachedKeysAsync();
        var token = host.ValidToken();
        await host.AssertAcceptedAsync(token);
        await host.AssertAcceptedAsync(token);
        using var recorder = new ActivityRecorder();

        // Act
        using var response = await SendAsync(host, recorder, token);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        recorder.Named(ScalekitApiAuthDefaults.TokenValidationActivityName).Should().BeEmpty();
    }

    [Fact]
    public async Task A_cold_start_fetch_is_a_child_span_of_the_validation_that_waited_for_it()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartAsync();
        using var recorder = new ActivityRecorder();

        // Act
        using var response = await SendAsync(host, recorder, host.ValidToken());

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var validation = recorder.Named(ScalekitApiAuthDefaults.TokenValidationActivityName).Should().ContainSingle().Subject;
        var fetch = recorder.Named(ScalekitApiAuthDefaults.JwksFetchActivityName).Should().ContainSingle().Subject;
        fetch.ParentSpanId.Should().Be(validation.SpanId);
        fetch.GetTagItem("scalekit.auth.trigger").Should().Be("cold_start");
        fetch.GetTagItem("url.full").Should().Be($"{host.Issuer.EnvironmentUrl}/keys");
        fetch.GetTagItem("http.request.method").Should().Be("GET");
        fetch.GetTagItem("server.address").Should().Be("127.0.0.1");
        fetch.GetTagItem("http.response.status_code").Should().Be(200);
        fetch.GetTagItem("scalekit.auth.key_count").Should().Be(1);
    }

    [Fact]
    public async Task A_failed_jwks_fetch_span_carries_the_status_code_and_error_type()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartAsync(JwksMode.Unavailable);
        using var recorder = new ActivityRecorder();

        // Act
        using var response = await SendAsync(host, recorder, host.ValidToken());

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        var fetch = recorder.Named(ScalekitApiAuthDefaults.JwksFetchActivityName).Should().ContainSingle().Subject;
        fetch.Status.Should().Be(ActivityStatusCode.Error);
        fetch.GetTagItem("http.response.status_code").Should().Be(503);
        fetch.GetTagItem("error.type").Should().Be("http_503");
        var validation = recorder.Named(ScalekitApiAuthDefaults.TokenValidationActivityName).Should().ContainSingle().Subject;
        validation.GetTagItem("error.type").Should().Be("keys_unavailable");
    }

    [Fact]
    public async Task A_discovery_document_read_first_is_a_span_of_its_own()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartAsync(configure: options =>
            options.DiscoveryUri = options.EnvironmentUrl + JwksServer.DiscoveryPath);
        using var recorder = new ActivityRecorder();

        // Act
        using var response = await SendAsync(host, recorder, host.ValidToken());

        // Assert
        var discovery = recorder.Named(ScalekitApiAuthDefaults.DiscoveryFetchActivityName).Should().ContainSingle().Subject;
        discovery.GetTagItem("url.full").Should().Be(host.Issuer.EnvironmentUrl + JwksServer.DiscoveryPath);
        recorder.Named(ScalekitApiAuthDefaults.JwksFetchActivityName).Should().ContainSingle();
    }

    [Fact]
    public async Task The_fetch_span_url_leaves_out_the_query()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartAsync(configure: options =>
            options.JwksUri = options.EnvironmentUrl + "/keys?tenant=acme");
        using var recorder = new ActivityRecorder();

        // Act
        using var response = await SendAsync(host, recorder, host.ValidToken());

        // Assert
        var fetch = recorder.Named(ScalekitApiAuthDefaults.JwksFetchActivityName).Should().ContainSingle().Subject;
        fetch.GetTagItem("url.full").Should().Be($"{host.Issuer.EnvironmentUrl}/keys");
    }

    [Fact]
    public async Task No_span_tag_holds_any_part_of_the_token()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartAsync();
        using var recorder = new ActivityRecorder();
        var token = host.ValidToken();
        var tampered = HostileTokens.Named(host.Issuer, "tampered");

        // Act
        using (await SendAsync(host, recorder, token))
        using (await SendAsync(host, recorder, tampered))
        {
        }

        // Assert
        var parts = token.Split('.').Concat(tampered.Split('.')).Where(p => p.Length > 8).ToList();
        var values = recorder.All.SelectMany(a => a.TagObjects).Select(t => t.Value?.ToString() ?? "").ToList();
        values.Should().NotBeEmpty();
        values.Should().AllSatisfy(value => parts.Should().AllSatisfy(part => value.Should().NotContain(part)));
    }

    private static async Task<HttpResponseMessage> SendAsync(SigningKeysHost host, ActivityRecorder recorder, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/min/read");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.TryAddWithoutValidation("traceparent", recorder.TraceParent);
        return await host.Api.Client.SendAsync(request).Bounded();
    }
}
