using System.Net;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.TokenCache;

/// <summary>
/// Validation the application adds to JwtBearer may answer differently for the same token (a revocation list, replay
/// detection): with any of it, every request is validated in full, as without the cache.
/// </summary>
public sealed class CustomValidationTests
{
    [Theory]
    [InlineData("an audience validator")]
    [InlineData("token replay detection")]
    [InlineData("another token handler")]
    public async Task With_validation_of_the_applications_a_repeated_token_is_validated_every_time(string customisation)
    {
        // Arrange
        await using var host = await TokenCacheHost.StartAsync(jwtBearer: o => Customise(o, customisation));
        var token = host.Host.ValidToken();

        // Act
        var statuses = await host.SendAsync(token, times: 3);

        // Assert
        statuses.Should().AllBeEquivalentTo(HttpStatusCode.OK);
        host.SignatureChecks.Should().Be(3);
    }

    private static void Customise(JwtBearerOptions options, string customisation)
    {
        switch (customisation)
        {
            case "an audience validator":
                options.TokenValidationParameters.AudienceValidator = (audiences, _, _) => audiences.Contains(TestTokens.Audience);
                break;
            case "token replay detection":
                options.TokenValidationParameters.ValidateTokenReplay = true;
                options.TokenValidationParameters.TokenReplayCache = new AcceptingReplayCache();
                break;
            case "another token handler":
                var handler = (JsonWebTokenHandler)options.TokenHandlers.Single();
                options.TokenHandlers.Clear();
                options.TokenHandlers.Add(new DerivedTokenHandler { MapInboundClaims = handler.MapInboundClaims });
                break;
        }
    }

    /// <summary>A replay cache that has never seen a token: every token passes, once per request.</summary>
    private sealed class AcceptingReplayCache : ITokenReplayCache
    {
        public bool TryAdd(string securityToken, DateTime expiresOn) => true;

        public bool TryFind(string securityToken) => false;
    }

    private sealed class DerivedTokenHandler : JsonWebTokenHandler;
}
