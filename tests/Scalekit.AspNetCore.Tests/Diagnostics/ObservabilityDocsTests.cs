using System.Reflection;
using Microsoft.Extensions.Logging;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.Diagnostics;

/// <summary>docs/observability.md lists every instrument, span and log event of the resource server.</summary>
public sealed class ObservabilityDocsTests
{
    [Fact]
    public void Observability_md_names_the_meter_every_instrument_and_every_span()
    {
        // Arrange
        var page = RepositoryFiles.Read("docs", "observability.md");
        var names = typeof(ScalekitApiAuthDefaults).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.Name.EndsWith("MetricName", StringComparison.Ordinal) || f.Name.EndsWith("ActivityName", StringComparison.Ordinal) || f.Name == nameof(ScalekitApiAuthDefaults.MeterName))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

        // Act and assert
        names.Should().HaveCount(9);
        names.Should().OnlyContain(name => page.Contains("`" + name + "`", StringComparison.Ordinal));
    }

    [Fact]
    public void Observability_md_lists_every_log_event_with_its_id()
    {
        // Arrange
        var page = RepositoryFiles.Read("docs", "observability.md");
        var events = typeof(LoggingExtensions).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Select(m => m.GetCustomAttribute<LoggerMessageAttribute>())
            .OfType<LoggerMessageAttribute>()
            .ToList();

        // Act and assert
        events.Should().HaveCountGreaterThan(10);
        events.Should().OnlyContain(a => page.Contains($"{a.EventId} `{a.EventName}`", StringComparison.Ordinal));
    }
}
