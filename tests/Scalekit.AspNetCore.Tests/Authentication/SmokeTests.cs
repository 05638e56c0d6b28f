using System.Net;
using System.Net.Http.Headers;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.Authentication;

public sealed class SmokeTests
{
    [Fact]
    public async Task A_valid_token_with_the_scope_is_accepted()
    {
        await using var issuer = await JwksServer.StartAsync();
        await using var api = await ApiHost.StartAsync(issuer);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/min/read");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", issuer.Token(ApiHost.Read));

        using var response = await api.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
