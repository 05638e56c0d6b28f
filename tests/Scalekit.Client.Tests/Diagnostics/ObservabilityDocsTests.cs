using System.Reflection;
using Microsoft.Extensions.Logging;
using Scalekit.AspNetCore.Tests.Framework;
using Scalekit.Client.Internal;

namespace Scalekit.Client.Tests.Diagnostics;

/// <summary>The docs list every instrument, the span and every log event of the client.</summary>
public sealed class ObservabilityDocsTests
{
    [Fact]
    public void Observability_md_names_the_meter_every_instrument_and_the_span()
    {
        // Arrange
        var page = RepositoryFiles.Read("docs", "observability.md");
        var names = typeof(ScalekitClientDefaults).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.Name.EndsWith("MetricName", StringComparison.Ordinal) || f.Name.EndsWith("ActivityName", StringComparison.Ordinal) || f.Name == nameof(ScalekitClientDefaults.MeterName))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

        // Act and assert
        names.Should().HaveCountGreaterThan(6);
        names.Should().OnlyContain(name => page.Contains("`" + name + "`", StringComparison.Ordinal));
    }

    [Fact]
    public void Client_md_lists_every_token_log_event()
    {
        // Arrange
        var page = RepositoryFiles.Read("docs", "client.md");
        var events = typeof(LoggingExtensions).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Select(m => m.GetCustomAttribute<LoggerMessageAttribute>())
            .OfType<LoggerMessageAttribute>()
            .Where(a => a.EventId is >= 100 and < 200)
            .ToList();

        // Act and assert
        events.Should().NotBeEmpty();
        events.Should().OnlyContain(a => page.Contains($"{a.EventId} `{a.EventName}`", StringComparison.Ordinal) || page.Contains($"`{a.EventName}`", StringComparison.Ordinal));
    }
}
