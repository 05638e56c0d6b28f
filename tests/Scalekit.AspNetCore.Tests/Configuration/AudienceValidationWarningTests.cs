using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.Configuration;

public sealed class AudienceValidationWarningTests
{
    [Fact]
    public async Task Disabling_audience_validation_logs_one_warning_at_start_up()
    {
        // Arrange
        var settings = ScalekitSettings.Valid(("Scalekit:DisableAudienceValidation", "true"));

        // Act
        var warnings = await StartAndCollectAudienceWarningsAsync(settings);

        // Assert
        warnings.Should().ContainSingle().Which.Should().Match<FakeLogRecord>(r =>
            r.Level == LogLevel.Warning
            && r.Message.Contains("audience validation is disabled for scheme Scalekit"));
    }

    [Fact]
    public async Task Validating_the_audience_logs_no_such_warning()
    {
        // Arrange
        var settings = ScalekitSettings.Valid();

        // Act
        var warnings = await StartAndCollectAudienceWarningsAsync(settings);

        // Assert
        warnings.Should().BeEmpty();
    }

    private static async Task<IReadOnlyList<FakeLogRecord>> StartAndCollectAudienceWarningsAsync(Dictionary<string, string?> settings)
    {
        await using var app = await ScalekitSettings.StartAppAsync(settings);
        return app.Services.GetRequiredService<FakeLogCollector>().GetSnapshot()
            .Where(r => r.Id.Name == "AudienceValidationDisabled")
            .ToList();
    }
}
