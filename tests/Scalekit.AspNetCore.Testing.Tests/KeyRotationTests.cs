using System.Net;
using Scalekit.AspNetCore.Testing.Tests.Framework;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Testing.Tests;

/// <summary>
/// Rotation as an app sees it: the library fetches the JWKS at once for a <c>kid</c> it does not know, so a rotated key
/// works on its first request. Each test has its own app, because each changes the keys.
/// </summary>
public sealed class KeyRotationTests
{
    [Fact]
    public async Task A_rotated_key_is_accepted_on_its_first_request()
    {
        // Arrange
        using var app = AttachedApp.With();
        (await app.GetAsync("/api/deployments", app.Authority.CreateToken(scopes: [AttachedApp.Read]))).Dispose(); // keys cached
        app.Authority.RotateSigningKey();

        // Act
        using var response = await app.GetAsync("/api/deployments", app.Authority.CreateToken(scopes: [AttachedApp.Read]));

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        app.Authority.JwksRequestCount.Should().Be(2, "the new kid triggers exactly one fetch");
    }

    [Fact]
    public async Task Tokens_of_the_previous_key_stay_valid_when_it_is_kept()
    {
        // Arrange
        using var app = AttachedApp.With();
        var before = app.Authority.CreateToken(scopes: [AttachedApp.Read]);
        app.Authority.RotateSigningKey(keepPrevious: true);
        (await app.GetAsync("/api/deployments", app.Authority.CreateToken(scopes: [AttachedApp.Read]))).Dispose(); // app sees the new JWKS

        // Act
        using var response = await app.GetAsync("/api/deployments", before);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Tokens_of_a_dropped_key_are_refused_once_the_app_has_fetched_the_new_keys()
    {
        // Arrange
        using var app = AttachedApp.With();
        var before = app.Authority.CreateToken(scopes: [AttachedApp.Read]);
        (await app.GetAsync("/api/deployments", before)).Dispose(); // the old key is cached
        app.Authority.RotateSigningKey(keepPrevious: false);
        (await app.GetAsync("/api/deployments", app.Authority.CreateToken(scopes: [AttachedApp.Read]))).Dispose(); // app sees the new JWKS

        // Act
        using var response = await app.GetAsync("/api/deployments", before);

        // Assert
        response.ShouldRefuseAsInvalidToken(TokenErrors.SigningKeyNotFound);
    }

    [Fact]
    public async Task Tokens_of_a_retired_key_are_refused_once_the_app_has_fetched_the_keys_again()
    {
        // Arrange
        using var app = AttachedApp.With();
        var oldKid = app.Authority.SigningKeyId;
        var before = app.Authority.CreateToken(scopes: [AttachedApp.Read]);
        app.Authority.RotateSigningKey();
        (await app.GetAsync("/api/deployments", app.Authority.CreateToken(scopes: [AttachedApp.Read]))).Dispose(); // both keys cached
        app.Authority.RetireKey(oldKid);
        (await app.GetAsync("/api/deployments", app.Authority.CreateTokenSignedByUnknownKey())).Dispose(); // any unknown kid refetches

        // Act
        using var response = await app.GetAsync("/api/deployments", before);

        // Assert
        response.ShouldRefuseAsInvalidToken(TokenErrors.SigningKeyNotFound);
    }

    [Fact]
    public void Rotation_publishes_the_new_key_beside_the_previous_one()
    {
        // Arrange
        using var authority = new ScalekitTestAuthority();
        var first = authority.SigningKeyId;

        // Act
        var second = authority.RotateSigningKey();

        // Assert
        authority.PublishedKeyIds.Should().Equal(first, second);
        authority.SigningKeyId.Should().Be(second).And.StartWith("snk_");
    }

    [Fact]
    public void The_key_that_signs_cannot_be_retired()
    {
        // Arrange
        using var authority = new ScalekitTestAuthority();

        // Act
        var retire = () => authority.RetireKey(authority.SigningKeyId);

        // Assert
        retire.Should().Throw<InvalidOperationException>().WithMessage("*call RotateSigningKey() first*");
    }

    [Fact]
    public void A_key_that_is_not_published_cannot_be_retired()
    {
        // Arrange
        using var authority = new ScalekitTestAuthority();

        // Act
        var retire = () => authority.RetireKey("snk_1");

        // Assert
        retire.Should().Throw<ArgumentException>().WithMessage("No published key has kid 'snk_1'*");
    }
}
