using System.Net;
using Scalekit.Emulator.Tests.Framework;

namespace Scalekit.Emulator.Tests.Endpoints;

/// <summary>The admin page cannot be framed by another site (clickjacking its Revoke and Delete buttons).</summary>
public sealed class AdminPageFramingTests() : EmulatorTest(registerClient: false)
{
    [Fact]
    public async Task The_admin_page_forbids_every_frame_with_both_headers_browsers_read()
    {
        // Act
        using var response = await Emulator.Http.GetAsync("/");

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
        response.Headers.GetValues("Content-Security-Policy").Should().Equal("frame-ancestors 'none'");
    }
}
