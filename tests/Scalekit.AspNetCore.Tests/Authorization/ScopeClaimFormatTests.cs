using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.Authorization;

/// <summary>Granted scopes are read from <c>scopes</c> (array, what Scalekit issues), <c>scope</c> (space-delimited) and <c>scp</c>.</summary>
public sealed class ScopeClaimFormatTests(AuthorizationApiFixture api) : IClassFixture<AuthorizationApiFixture>
{
    private const string Read = ApiHost.Read;
    private const string Deploy = ApiHost.Deploy;

    /// <summary>Prefix, claim name, and whether the claim is a JSON array (else one space-delimited string).</summary>
    public static TheoryData<string, string, bool> Formats
    {
        get
        {
            var data = new TheoryData<string, string, bool>();
            foreach (var prefix in new[] { "/min", "/mvc" })
            {
                data.Add(prefix, "scopes", true);
                data.Add(prefix, "scope", false);
                data.Add(prefix, "scp", false);
                data.Add(prefix, "scp", true);
            }

            return data;
        }
    }

    [Theory, MemberData(nameof(Formats))]
    public async Task Scopes_are_granted_whichever_claim_carries_them(string prefix, string claim, bool asArray)
    {
        // Arrange
        var token = TokenWith(claim, asArray, Read, Deploy);

        // Act
        var answer = await api.SendTokenAsync(HttpMethod.Post, prefix + "/both-in-one", token);

        // Assert
        answer.ShouldBeOk("both");
    }

    [Theory, MemberData(nameof(Formats))]
    public async Task A_scope_absent_from_the_claim_is_reported_missing(string prefix, string claim, bool asArray)
    {
        // Arrange
        var token = TokenWith(claim, asArray, Deploy);

        // Act
        var answer = await api.SendTokenAsync(HttpMethod.Post, prefix + "/both-in-one", token);

        // Assert
        answer.ShouldBeInsufficientScope(required: [Read, Deploy], missing: [Read]);
    }

    [Fact]
    public async Task Scopes_from_several_claims_add_up()
    {
        // Arrange
        var token = api.Token(payload =>
        {
            payload["scopes"] = new[] { Read };
            payload["scope"] = Deploy;
        });

        // Act
        var answer = await api.SendTokenAsync(HttpMethod.Post, "/min/both-in-one", token);

        // Assert
        answer.ShouldBeOk("both");
    }

    [Theory]
    [InlineData("read:deployments:all")]
    [InlineData("read")]
    [InlineData("READ:DEPLOYMENTS")]
    [InlineData("xread:deployments")]
    public async Task A_scope_that_only_resembles_the_required_one_is_not_enough(string granted)
    {
        // Arrange
        var token = TokenWith("scope", asArray: false, granted);

        // Act
        var answer = await api.SendTokenAsync(HttpMethod.Get, "/min/read", token);

        // Assert
        answer.ShouldBeInsufficientScope(required: [Read], missing: [Read]);
    }

    [Theory]
    [InlineData("scope")]
    [InlineData("scp")]
    [InlineData("scopes")]
    public async Task A_tab_or_other_white_space_is_not_a_scope_separator(string claim)
    {
        // Arrange: RFC 6749 §3.3 separates scopes with U+0020 only; the element with a TAB is no scope-token
        var token = api.Token(payload =>
        {
            payload.Remove("scopes");
            payload[claim] = $"{Deploy}\t{Read}\n{Read} {Deploy}\r{Read}";
        });

        // Act
        var answer = await api.SendTokenAsync(HttpMethod.Get, "/min/read", token);

        // Assert
        answer.ShouldBeInsufficientScope(required: [Read], missing: [Read]);
    }

    [Theory]
    [InlineData("scopes")]
    [InlineData("scp")]
    public async Task An_array_element_holding_several_scopes_grants_none_of_them(string claim)
    {
        // Arrange: each element of an array is exactly one scope
        var token = api.Token(payload =>
        {
            payload.Remove("scopes");
            payload[claim] = new[] { $"{Read} {Deploy}", "other" };
        });

        // Act
        var answer = await api.SendTokenAsync(HttpMethod.Get, "/min/any", token);

        // Assert
        answer.ShouldBeInsufficientScope(required: [Read, Deploy], missing: [Read, Deploy]);
    }

    [Theory]
    [InlineData("read:déploiements")] // outside the scope-token characters
    [InlineData("read\\deployments")]
    [InlineData("read\"deployments")]
    [InlineData("")]
    public async Task An_array_element_that_is_no_scope_token_grants_nothing(string element)
    {
        // Arrange
        var token = api.Token(payload => payload["scopes"] = new[] { element });

        // Act
        var answer = await api.SendTokenAsync(HttpMethod.Get, "/min/me", token);

        // Assert
        answer.Status.Should().Be(System.Net.HttpStatusCode.OK);
        answer.Text.Should().Contain("\"scopes\":[]");
    }

    /// <summary>A token whose only scope claim is <paramref name="claim"/>.</summary>
    private string TokenWith(string claim, bool asArray, params string[] scopes) =>
        api.Token(payload =>
        {
            payload.Remove("scopes");
            payload[claim] = asArray ? scopes : string.Join(' ', scopes);
        });
}
