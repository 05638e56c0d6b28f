using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.Diagnostics;

/// <summary>The <c>scalekit.auth.token.validations</c> counter of the <c>Scalekit.AspNetCore</c> meter.</summary>
public sealed class MetricsTests(ScalekitApiFixture fixture) : IClassFixture<ScalekitApiFixture>
{
    [Fact]
    public async Task An_accepted_token_is_counted_once_as_success()
    {
        // Arrange
        using var validations = CollectValidations();
        var token = fixture.Issuer.Token(ApiHost.Read);

        // Act
        using var response = await fixture.Api.GetAsync("/authenticated", token);

        // Assert
        ShouldHaveCountedOnce(validations, "success");
    }

    [Theory]
    [InlineData("expired", "expired")]
    [InlineData("not yet valid", "not_yet_valid")]
    [InlineData("no expiry", "no_expiration")]
    [InlineData("other audience", "invalid_audience")]
    [InlineData("other issuer", "invalid_issuer")]
    [InlineData("tampered", "invalid_signature")]
    [InlineData("unknown key", "signing_key_not_found")]
    [InlineData("oversize", "too_large")]
    [InlineData("garbage", "malformed")]
    public async Task A_refused_token_is_counted_once_with_its_reason(string name, string outcome)
    {
        // Arrange
        using var validations = CollectValidations();
        var token = HostileTokens.Named(fixture.Issuer, name);

        // Act
        using var response = await fixture.Api.GetAsync("/authenticated", token);

        // Assert
        ShouldHaveCountedOnce(validations, outcome);
    }

    [Fact]
    public async Task A_request_without_a_token_is_not_counted()
    {
        // Arrange
        using var validations = CollectValidations();

        // Act
        using var response = await fixture.Api.GetWithAuthorizationAsync("/authenticated", authorization: null);

        // Assert
        validations.GetMeasurementSnapshot().Should().BeEmpty();
    }

    /// <summary>Listens to the API's own meter factory only, so that other tests' hosts running in parallel do not count.</summary>
    private MetricCollector<long> CollectValidations() =>
        new(fixture.Api.Services.GetRequiredService<IMeterFactory>(), "Scalekit.AspNetCore", "scalekit.auth.token.validations");

    private static void ShouldHaveCountedOnce(MetricCollector<long> validations, string outcome)
    {
        var measurement = validations.GetMeasurementSnapshot().Should().ContainSingle().Subject;
        measurement.Value.Should().Be(1);
        measurement.Tags.Should().Contain("outcome", outcome);
    }
}
