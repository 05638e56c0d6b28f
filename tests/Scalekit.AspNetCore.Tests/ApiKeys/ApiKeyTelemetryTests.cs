using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Scalekit.AspNetCore.Tests.Diagnostics;

namespace Scalekit.AspNetCore.Tests.ApiKeys;

/// <summary>
/// API keys are counted on <c>scalekit.auth.token.validations</c> with <c>credential</c> = <c>api_key</c>, and each
/// validation call to Scalekit is a <c>Scalekit.AspNetCore.ValidateApiKey</c> span without key text.
/// </summary>
public sealed class ApiKeyTelemetryTests
{
    [Fact]
    public async Task An_accepted_key_is_counted_as_a_success_with_credential_api_key()
    {
        // Arrange
        await using var host = await ApiKeyHost.StartAsync();
        using var validations = Validations(host);
        var created = await host.CreateKeyAsync();

        // Act
        using var response = await host.GetAsync("/authenticated", created.PlainKey);

        // Assert
        var tags = validations.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags;
        tags.Should().Contain("outcome", "success").And.Contain("credential", "api_key").And.Contain("cache", "miss");
    }

    [Fact]
    public async Task A_refused_key_is_counted_with_its_reason_and_credential_api_key()
    {
        // Arrange
        await using var host = await ApiKeyHost.StartAsync();
        using var validations = Validations(host);

        // Act
        using var response = await host.GetAsync("/authenticated", "skapi_" + new string('r', 43));

        // Assert
        var tags = validations.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags;
        tags.Should().Contain("outcome", "api_key_refused").And.Contain("credential", "api_key");
    }

    [Fact]
    public async Task The_validation_call_is_a_ValidateApiKey_span_with_the_server_and_status_code_and_no_key_text()
    {
        // Arrange
        using var recorder = new ActivityRecorder();
        await using var host = await ApiKeyHost.StartAsync();
        var created = await host.CreateKeyAsync();

        // Act
        using var response = await SendInTraceAsync(host, recorder, created.PlainKey);

        // Assert
        var span = recorder.Named(ScalekitApiAuthDefaults.ApiKeyValidationActivityName).Should().ContainSingle().Subject;
        span.GetTagItem("server.address").Should().Be("127.0.0.1");
        span.GetTagItem("http.response.status_code").Should().Be(200);
        span.GetTagItem("error.type").Should().BeNull();
        span.TagObjects.Should().NotContain(t => (t.Value as string ?? "").Contains(created.PlainKey, StringComparison.Ordinal));
    }

    private static MetricCollector<long> Validations(ApiKeyHost host) =>
        new(host.Api.Services.GetRequiredService<IMeterFactory>(), ScalekitApiAuthDefaults.MeterName, ScalekitApiAuthDefaults.TokenValidationsMetricName);

    private static Task<HttpResponseMessage> SendInTraceAsync(ApiKeyHost host, ActivityRecorder recorder, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/authenticated");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        request.Headers.Add("traceparent", recorder.TraceParent);
        return host.Api.Client.SendAsync(request);
    }
}
