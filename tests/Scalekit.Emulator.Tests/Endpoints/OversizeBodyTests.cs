using System.Net;
using System.Text;
using Scalekit.Emulator.Tests.Framework;

namespace Scalekit.Emulator.Tests.Endpoints;

/// <summary>A body over 1 MiB is refused with 413 and a reason, on the token endpoint and the management API, never a 500.</summary>
public sealed class OversizeBodyTests() : EmulatorTest(registerClient: false)
{
    private static readonly string Padding = new('x', 1024 * 1024 + 1);

    [Fact]
    public async Task An_oversize_token_request_is_refused_as_too_large()
    {
        // Arrange
        using var content = new StringContent($"grant_type=client_credentials&client_id=a&client_secret={Padding}", Encoding.UTF8, "application/x-www-form-urlencoded");

        // Act
        using var response = await Emulator.PostTokenAsync(content);

        // Assert
        await response.ShouldBeOAuthErrorAsync(HttpStatusCode.RequestEntityTooLarge, "invalid_request");
    }

    [Fact]
    public async Task An_oversize_management_body_is_refused_as_too_large()
    {
        // Act
        using var response = await Emulator.ManageAsync(HttpMethod.Post, "/api/v1/organizations", new { display_name = Padding });

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadAsStringAsync()).Should().Contain("larger than 1 MiB").And.NotContain("   at ");
    }
}
