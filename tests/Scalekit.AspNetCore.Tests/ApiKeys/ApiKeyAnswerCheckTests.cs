using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.ApiKeys;

/// <summary>
/// Defence in depth on Scalekit's answer: an acceptance that does not fit the presented value is refused, and
/// Scalekit's error text, which might echo the key, is not logged.
/// </summary>
public sealed class ApiKeyAnswerCheckTests
{
    [Fact]
    public async Task An_acceptance_whose_key_id_is_the_presented_value_is_refused()
    {
        // Arrange
        await using var host = await ApiKeyHost.StartAsync(services: s => Rewrite(s, () => ValidationAnswerHandler.ChangingTokenInfo((info, submitted) => info["token_id"] = submitted)));
        var created = await host.CreateKeyAsync();

        // Act
        using var response = await host.GetAsync("/authenticated", created.PlainKey);

        // Assert
        response.ShouldRefuseAsInvalidToken(ScalekitErrorDescriptions.ApiKeyRefused);
    }

    [Fact]
    public async Task An_acceptance_whose_key_suffix_is_not_the_end_of_the_presented_value_is_refused()
    {
        // Arrange
        await using var host = await ApiKeyHost.StartAsync(services: s => Rewrite(s, () => ValidationAnswerHandler.ChangingTokenInfo((info, _) => info["token_suffix"] = "#zz#")));
        var created = await host.CreateKeyAsync();

        // Act
        using var response = await host.GetAsync("/authenticated", created.PlainKey);

        // Assert
        response.ShouldRefuseAsInvalidToken(ScalekitErrorDescriptions.ApiKeyRefused);
        host.LogsOf(41).Should().ContainSingle().Which.Message.Should().Contain("suffix");
    }

    [Fact]
    public async Task Scalekit_error_text_for_a_refused_key_is_not_logged()
    {
        // Arrange: Scalekit's 404 echoes the submitted key; every Debug line is collected
        await using var host = await ApiKeyHost.StartAsync(services: s =>
        {
            s.AddLogging(b => b.AddFilter<FakeLoggerProvider>(null, LogLevel.Debug));
            Rewrite(s, () => ValidationAnswerHandler.NotFound(submitted => "token " + submitted + " not found"));
        });
        var madeUp = "skapi_" + Guid.NewGuid().ToString("N") + "echoed";

        // Act
        using var response = await host.GetAsync("/authenticated", madeUp);

        // Assert
        response.ShouldRefuseAsInvalidToken(ScalekitErrorDescriptions.ApiKeyRefused);
        host.Logs.GetSnapshot().Should().NotContain(r => r.Message.Contains(madeUp, StringComparison.Ordinal));
        host.Logs.GetSnapshot().Should().Contain(r => r.Id.Name == "ApiKeyRefused");
    }

    private static void Rewrite(IServiceCollection services, Func<ValidationAnswerHandler> handler) =>
        services.AddHttpClient(ScalekitApiAuthDefaults.ApiKeysHttpClientName).AddHttpMessageHandler(handler);
}
