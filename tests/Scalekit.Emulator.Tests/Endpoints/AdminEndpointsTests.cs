using System.Net;
using System.Text.Json;
using Scalekit.Emulator.Tests.Framework;

namespace Scalekit.Emulator.Tests.Endpoints;

/// <summary><c>POST /admin/v1/keys/rotate</c> and <c>GET /admin/v1/keys</c>, called with the environment token.</summary>
public sealed class AdminEndpointsTests : EmulatorTest
{
    private string _oldKid = null!;

    protected override async Task ArrangeAsync() => _oldKid = (await Emulator.GetPublishedKidsAsync()).Single();

    [Fact]
    public async Task Rotating_answers_the_new_kid_and_the_published_ones()
    {
        // Act
        var json = await RotateAsync(600);

        // Assert
        var kid = json.GetProperty("kid").GetString();
        kid.Should().MatchRegex(@"^snk_\d{17}$").And.NotBe(_oldKid);
        json.GetProperty("published").Strings().Should().Equal(_oldKid, kid);
        (await Emulator.GetPublishedKidsAsync()).Should().Equal(_oldKid, kid);
    }

    [Fact]
    public async Task After_rotating_new_tokens_carry_the_new_kid()
    {
        // Arrange
        var kid = (await RotateAsync(600)).GetProperty("kid").GetString();

        // Act
        var token = await Emulator.GetEnvironmentTokenAsync();

        // Assert
        Jwt.Header(token).GetProperty("kid").GetString().Should().Be(kid);
    }

    [Fact]
    public async Task After_the_grace_period_the_old_kid_is_gone()
    {
        // Arrange
        var kid = (await RotateAsync(600)).GetProperty("kid").GetString();

        // Act
        Time.Advance(TimeSpan.FromSeconds(600));

        // Assert
        (await Emulator.GetPublishedKidsAsync()).Should().Equal(kid);
    }

    [Fact]
    public async Task A_grace_period_of_zero_retires_the_old_key_at_once()
    {
        // Act
        var kid = (await RotateAsync(0)).GetProperty("kid").GetString();

        // Assert
        (await Emulator.GetPublishedKidsAsync()).Should().Equal(kid);
    }

    [Fact]
    public async Task The_key_list_names_the_published_keys_and_the_signing_one()
    {
        // Arrange
        var kid = (await RotateAsync(600)).GetProperty("kid").GetString();

        // Act
        var json = await Emulator.ManageAsync(HttpMethod.Get, "/admin/v1/keys", null, HttpStatusCode.OK);

        // Assert
        json.GetProperty("published").Strings().Should().Equal(_oldKid, kid);
        json.GetProperty("signing").GetString().Should().Be(kid);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("soon")]
    [InlineData("1.5")]
    public async Task A_grace_period_that_is_not_whole_seconds_is_a_bad_request_and_rotates_nothing(string grace)
    {
        // Act
        using var response = await Emulator.ManageAsync(HttpMethod.Post, $"/admin/v1/keys/rotate?grace_period_seconds={grace}");

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "grace_period_seconds");
        (await Emulator.GetPublishedKidsAsync()).Should().Equal(_oldKid);
    }

    private Task<JsonElement> RotateAsync(int graceSeconds) =>
        Emulator.ManageAsync(HttpMethod.Post, $"/admin/v1/keys/rotate?grace_period_seconds={graceSeconds}", null, HttpStatusCode.OK);
}
