using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.ApiKeys;

/// <summary>
/// The API key cache: Scalekit is asked once per key per <see cref="ScalekitApiKeyOptions.CacheDuration"/>, refusals
/// are remembered for <see cref="ScalekitApiKeyOptions.RefusalCacheDuration"/>, and an invalidated key stops working
/// within the cache duration (the documented bound).
/// </summary>
public sealed class ApiKeyCacheTests : IAsyncLifetime
{
    private static readonly TimeSpan CacheDuration = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan RefusalCacheDuration = TimeSpan.FromSeconds(10);

    private ApiKeyHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiKeyHost.StartAsync(o =>
    {
        o.ApiKeys.CacheDuration = CacheDuration;
        o.ApiKeys.RefusalCacheDuration = RefusalCacheDuration;
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_key_sent_again_is_answered_from_the_cache()
    {
        // Arrange
        var created = await _host.CreateKeyAsync();

        // Act
        for (var i = 0; i < 5; i++)
        {
            using var response = await _host.GetAsync("/authenticated", created.PlainKey);
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        // Assert
        _host.Validations.Should().Be(1);
    }

    [Fact]
    public async Task A_key_is_validated_again_once_its_cache_duration_has_passed()
    {
        // Arrange
        var created = await _host.CreateKeyAsync();
        (await _host.GetAsync("/authenticated", created.PlainKey)).Dispose();

        // Act
        _host.Time.Advance(CacheDuration - TimeSpan.FromSeconds(1));
        using var before = await _host.GetAsync("/authenticated", created.PlainKey);
        var validationsBefore = _host.Validations;
        _host.Time.Advance(TimeSpan.FromSeconds(1));
        using var after = await _host.GetAsync("/authenticated", created.PlainKey);

        // Assert
        validationsBefore.Should().Be(1);
        _host.Validations.Should().Be(2);
        after.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_invalidated_key_works_until_its_entry_expires_and_is_refused_after()
    {
        // Arrange
        var created = await _host.CreateKeyAsync();
        (await _host.GetAsync("/authenticated", created.PlainKey)).Dispose();
        await _host.Management.InvalidateApiKeyAsync(created.ApiKey.Id);

        // Act
        using var stillCached = await _host.GetAsync("/authenticated", created.PlainKey);
        _host.Time.Advance(CacheDuration);
        using var afterTheCacheDuration = await _host.GetAsync("/authenticated", created.PlainKey);

        // Assert
        stillCached.StatusCode.Should().Be(HttpStatusCode.OK);
        afterTheCacheDuration.ShouldRefuseAsInvalidToken(ScalekitErrorDescriptions.ApiKeyRefused);
    }

    [Fact]
    public async Task A_refusal_is_remembered_for_the_refusal_cache_duration()
    {
        // Arrange
        var madeUp = "skapi_" + new string('z', 43);

        // Act
        (await _host.GetAsync("/authenticated", madeUp)).Dispose();
        using var remembered = await _host.GetAsync("/authenticated", madeUp);
        var validationsWhileRemembered = _host.Validations;
        _host.Time.Advance(RefusalCacheDuration);
        using var askedAgain = await _host.GetAsync("/authenticated", madeUp);

        // Assert
        remembered.ShouldRefuseAsInvalidToken(ScalekitErrorDescriptions.ApiKeyRefused);
        validationsWhileRemembered.Should().Be(1);
        _host.Validations.Should().Be(2);
    }

    [Fact]
    public async Task An_entry_never_outlives_the_keys_expiry()
    {
        // Arrange: the key expires (by the API's clock) before its cache duration would end
        var created = await _host.CreateKeyAsync(expiry: _host.Time.GetUtcNow().AddSeconds(30));
        (await _host.GetAsync("/authenticated", created.PlainKey)).Dispose();

        // Act
        _host.Time.Advance(TimeSpan.FromSeconds(30));
        using var response = await _host.GetAsync("/authenticated", created.PlainKey);

        // Assert
        response.ShouldRefuseAsInvalidToken(ScalekitErrorDescriptions.ApiKeyRefused);
        _host.Validations.Should().Be(2);
    }

    [Fact]
    public async Task The_cache_keeps_the_keys_hash_not_the_key()
    {
        // Arrange
        var created = await _host.CreateKeyAsync();

        // Act
        (await _host.GetAsync("/authenticated", created.PlainKey)).Dispose();

        // Assert
        var cache = _host.Api.Services.GetRequiredService<ScalekitCacheRegistry>().Get(ScalekitApiAuthDefaults.AuthenticationScheme).ApiKeys!.Cache;
        cache.Count.Should().Be(1);
        cache.Find(ApiKeyAuthenticator.HashName(created.PlainKey)).Should().NotBeNull();
    }
}
