using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Scalekit.AspNetCore.Tests.SigningKeys;

/// <summary>The log lines of a <see cref="SigningKeysHost"/> started with <see cref="Capture"/>, by event name.</summary>
internal static class SigningKeyLogs
{
    /// <summary>Pass as <c>services</c> to <see cref="SigningKeysHost.StartAsync"/>: the API's logs go to a <see cref="FakeLogCollector"/>.</summary>
    public static void Capture(IServiceCollection services) => services.AddLogging(logging => logging.AddFakeLogging());

    /// <summary>The records of event <paramref name="eventName"/> (such as <c>SigningKeysSkipped</c>) logged so far, oldest first.</summary>
    public static IReadOnlyList<FakeLogRecord> Of(SigningKeysHost host, string eventName) =>
        host.Api.Services.GetRequiredService<FakeLogCollector>().GetSnapshot().Where(r => r.Id.Name == eventName).ToList();
}
