using Scalekit.Client.Internal;

namespace Scalekit.Client.Tests.Handler;

/// <summary>The rules of <c>BaseAddress</c> and <c>AllowedHosts</c>.</summary>
public sealed class HostPinTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5201/api/deployments", true)]
    [InlineData("http://127.0.0.1:5202/api/deployments", false)] // another port
    [InlineData("https://127.0.0.1:5201/api/deployments", false)] // another scheme
    [InlineData("http://localhost:5201/api/deployments", false)] // another host name
    public void The_base_address_allows_its_own_scheme_host_and_port_only(string url, bool allowed)
    {
        // Arrange
        var pin = HostPin.Create(new Uri("http://127.0.0.1:5201/"), [], requireHttps: true);

        // Act
        var allows = pin.Allows(new Uri(url));

        // Assert
        allows.Should().Be(allowed);
    }

    [Theory]
    [InlineData("api.acme.com", "https://api.acme.com/x", true)]
    [InlineData("api.acme.com", "https://API.acme.com:8443/x", true)] // a host name allows any port
    [InlineData("api.acme.com", "http://api.acme.com/x", false)] // plain http off loopback
    [InlineData("api.acme.com", "https://api.acme.com.evil.example/x", false)]
    [InlineData("api.acme.com:8443", "https://api.acme.com:8443/x", true)]
    [InlineData("api.acme.com:8443", "https://api.acme.com/x", false)]
    [InlineData("https://api.acme.com:8443", "https://api.acme.com:8443/x", true)]
    [InlineData("https://api.acme.com:8443", "https://api.acme.com:9443/x", false)]
    public void An_allowed_host_is_a_host_name_a_host_and_port_or_an_origin(string entry, string url, bool allowed)
    {
        // Arrange
        var pin = HostPin.Create(null, [entry], requireHttps: true);

        // Act
        var allows = pin.Allows(new Uri(url));

        // Assert
        allows.Should().Be(allowed);
    }

    [Fact]
    public void Plain_http_off_loopback_is_allowed_only_when_https_is_not_required()
    {
        // Arrange
        var pin = HostPin.Create(null, ["api.internal"], requireHttps: false);

        // Act
        var allows = pin.Allows(new Uri("http://api.internal/x"));

        // Assert
        allows.Should().BeTrue();
    }

    [Theory]
    [InlineData("ftp://api.acme.com")]
    [InlineData("api.acme.com/path")]
    [InlineData("not a host")]
    public void An_entry_that_is_neither_a_url_nor_a_host_is_reported(string entry)
    {
        // Act
        var pin = HostPin.Create(null, [entry], requireHttps: true);

        // Assert
        pin.Invalid.Should().Equal(entry);
        pin.IsEmpty.Should().BeTrue();
    }
}
