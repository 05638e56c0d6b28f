using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Scalekit.Emulator.Protos.Tokens;
using Scalekit.Emulator.Tests.Framework;

namespace Scalekit.Emulator.Tests.Grpc;

/// <summary>
/// <c>scalekit.v1.tokens.ApiTokenService</c> over h2c: API keys for an organization or a user. A refused key is
/// <c>NOT_FOUND</c> or <c>INVALID_ARGUMENT</c>, never <c>UNAUTHENTICATED</c> (the SDKs would re-authenticate and retry).
/// </summary>
public sealed class ApiTokenGrpcServiceTests : EmulatorTest, IDisposable
{
    private GrpcManagement _grpc = null!;
    private string _organizationId = null!;

    public ApiTokenGrpcServiceTests()
        : base(registerClient: false)
    {
    }

    private ApiTokenService.ApiTokenServiceClient Tokens => _grpc.Tokens;

    public void Dispose() => _grpc?.Dispose();

    protected override async Task ArrangeAsync()
    {
        _grpc = await GrpcManagement.ConnectAsync(Emulator);
        _organizationId = await Emulator.CreateOrganizationAsync(externalId: "acme-1");
    }

    [Fact]
    public async Task A_created_key_is_shown_once_with_an_apit_id_and_its_details()
    {
        // Act
        var created = await CreateAsync(userId: "usr_1", description: "CI pipeline");

        // Assert
        created.TokenId.Should().StartWith("apit_");
        created.Token.Should().StartWith("skapi_").And.HaveLength("skapi_".Length + 43);
        created.TokenInfo.OrganizationId.Should().Be(_organizationId);
        created.TokenInfo.OrganizationExternalId.Should().Be("acme-1");
        created.TokenInfo.UserId.Should().Be("usr_1");
        created.TokenInfo.Description.Should().Be("CI pipeline");
        created.TokenInfo.TokenSuffix.Should().Be(created.Token[^4..]);
        created.TokenInfo.CustomClaims.Should().Contain("env", "ci");
    }

    [Fact]
    public async Task A_key_validates_to_its_organization_user_and_claims()
    {
        // Arrange
        var created = await CreateAsync(userId: "usr_1");

        // Act
        var validated = await Tokens.ValidateTokenAsync(new ValidateTokenRequest { Token = created.Token }, _grpc.Authorized);

        // Assert
        validated.TokenInfo.Should().Be(created.TokenInfo);
    }

    [Fact]
    public async Task An_unknown_key_is_not_found()
    {
        // Act + Assert
        await Tokens.ValidateTokenAsync(new ValidateTokenRequest { Token = "skapi_unknown" }, _grpc.Authorized)
            .ShouldFailWithAsync(StatusCode.NotFound, "never issued by this emulator");
    }

    [Fact]
    public async Task A_key_id_validates_as_Scalekits_ValidateToken_takes_either()
    {
        // Arrange
        var created = await CreateAsync();

        // Act
        var validated = await Tokens.ValidateTokenAsync(new ValidateTokenRequest { Token = created.TokenId }, _grpc.Authorized);

        // Assert
        validated.TokenInfo.Should().Be(created.TokenInfo);
    }

    [Fact]
    public async Task An_expired_key_is_not_found_and_says_when_it_expired()
    {
        // Arrange
        var created = await CreateAsync(expiry: Time.GetUtcNow().AddMinutes(5));
        Time.Advance(TimeSpan.FromMinutes(6));

        // Act + Assert
        await Tokens.ValidateTokenAsync(new ValidateTokenRequest { Token = created.Token }, _grpc.Authorized)
            .ShouldFailWithAsync(StatusCode.NotFound, $"The API key {created.TokenId} expired at");
    }

    [Fact]
    public async Task A_key_cannot_be_created_already_expired()
    {
        // Act + Assert
        await Tokens.CreateTokenAsync(Request(expiry: Time.GetUtcNow().AddMinutes(-1)), _grpc.Authorized)
            .ShouldFailWithAsync(StatusCode.InvalidArgument, "expiry is in the past");
    }

    [Theory]
    [InlineData(253402300800L, 0)]
    [InlineData(-62135596801L, 0)]
    [InlineData(4102444800L, -1)]
    public async Task An_expiry_outside_years_1_to_9999_is_an_invalid_argument(long seconds, int nanos)
    {
        // Arrange
        var request = Request();
        request.Token.Expiry = new Timestamp { Seconds = seconds, Nanos = nanos };

        // Act + Assert
        await Tokens.CreateTokenAsync(request, _grpc.Authorized).ShouldFailWithAsync(StatusCode.InvalidArgument, "expiry is not a valid time");
    }

    [Fact]
    public async Task More_than_twenty_custom_claims_are_an_invalid_argument()
    {
        // Arrange
        var request = Request();
        for (var i = 0; i < 21; i++)
        {
            request.Token.CustomClaims[$"claim{i}"] = "x";
        }

        // Act + Assert
        await Tokens.CreateTokenAsync(request, _grpc.Authorized).ShouldFailWithAsync(StatusCode.InvalidArgument, "more than 20 entries");
    }

    [Fact]
    public async Task A_key_for_an_unknown_organization_is_not_found()
    {
        // Arrange
        var request = Request();
        request.Token.OrganizationId = "org_1";

        // Act + Assert
        await Tokens.CreateTokenAsync(request, _grpc.Authorized).ShouldFailWithAsync(StatusCode.NotFound, "No organization with id 'org_1'");
    }

    [Fact]
    public async Task Listing_filters_by_user_and_pages()
    {
        // Arrange
        await CreateAsync(userId: "usr_1");
        await CreateAsync(userId: "usr_2");
        await CreateAsync(userId: "usr_1");

        // Act
        var first = await Tokens.ListTokensAsync(new ListTokensRequest { OrganizationId = _organizationId, UserId = "usr_1", PageSize = 1 }, _grpc.Authorized);
        var second = await Tokens.ListTokensAsync(
            new ListTokensRequest { OrganizationId = _organizationId, UserId = "usr_1", PageSize = 1, PageToken = first.NextPageToken }, _grpc.Authorized);

        // Assert
        first.TotalCount.Should().Be(2);
        first.Tokens.Concat(second.Tokens).Should().OnlyContain(t => t.UserId == "usr_1").And.HaveCount(2);
        second.NextPageToken.Should().BeEmpty();
    }

    [Fact]
    public async Task A_page_size_over_thirty_is_an_invalid_argument()
    {
        // Act + Assert
        await Tokens.ListTokensAsync(new ListTokensRequest { OrganizationId = _organizationId, PageSize = 31 }, _grpc.Authorized)
            .ShouldFailWithAsync(StatusCode.InvalidArgument, "page_size must be a whole number from 1 to 30.");
    }

    [Fact]
    public async Task An_update_merges_claims_removes_those_set_empty_and_replaces_the_description()
    {
        // Arrange
        var created = await CreateAsync(description: "old");
        var request = new UpdateTokenRequest { Token = created.TokenId, Description = "new" };
        request.CustomClaims["env"] = "";
        request.CustomClaims["team"] = "payments";

        // Act
        var updated = await Tokens.UpdateTokenAsync(request, _grpc.Authorized);

        // Assert
        updated.TokenInfo.CustomClaims.Should().BeEquivalentTo(new Dictionary<string, string> { ["team"] = "payments" });
        updated.TokenInfo.Description.Should().Be("new");
    }

    [Fact]
    public async Task An_invalidated_key_no_longer_validates()
    {
        // Arrange
        var created = await CreateAsync();

        // Act
        await Tokens.InvalidateTokenAsync(new InvalidateTokenRequest { Token = created.Token }, _grpc.Authorized);

        // Assert
        await Tokens.ValidateTokenAsync(new ValidateTokenRequest { Token = created.Token }, _grpc.Authorized)
            .ShouldFailWithAsync(StatusCode.NotFound, "The API key was invalidated.");
    }

    [Fact]
    public async Task Invalidating_a_key_again_succeeds_as_Scalekits_InvalidateToken_is_idempotent()
    {
        // Arrange
        var created = await CreateAsync();
        await Tokens.InvalidateTokenAsync(new InvalidateTokenRequest { Token = created.TokenId }, _grpc.Authorized);

        // Act
        var again = await Tokens.InvalidateTokenAsync(new InvalidateTokenRequest { Token = created.Token }, _grpc.Authorized);

        // Assert
        again.Should().NotBeNull();
    }

    [Fact]
    public async Task Invalidating_a_key_never_issued_is_not_found()
    {
        // Act + Assert
        await Tokens.InvalidateTokenAsync(new InvalidateTokenRequest { Token = "skapi_never_issued" }, _grpc.Authorized)
            .ShouldFailWithAsync(StatusCode.NotFound, "never issued by this emulator");
    }

    [Fact]
    public async Task Invalidated_and_expired_keys_are_not_listed()
    {
        // Arrange
        var current = await CreateAsync();
        var invalidated = await CreateAsync();
        await CreateAsync(expiry: Time.GetUtcNow().AddMinutes(5));
        await Tokens.InvalidateTokenAsync(new InvalidateTokenRequest { Token = invalidated.Token }, _grpc.Authorized);
        Time.Advance(TimeSpan.FromMinutes(6));

        // Act
        var listed = await Tokens.ListTokensAsync(new ListTokensRequest { OrganizationId = _organizationId }, _grpc.Authorized);

        // Assert
        listed.Tokens.Select(t => t.TokenId).Should().Equal(current.TokenId);
        listed.TotalCount.Should().Be(1);
    }

    [Fact]
    public async Task An_expired_key_cannot_be_updated()
    {
        // Arrange
        var created = await CreateAsync(expiry: Time.GetUtcNow().AddMinutes(5));
        Time.Advance(TimeSpan.FromMinutes(6));

        // Act + Assert
        await Tokens.UpdateTokenAsync(new UpdateTokenRequest { Token = created.TokenId, Description = "late" }, _grpc.Authorized)
            .ShouldFailWithAsync(StatusCode.NotFound, "expired at");
    }

    [Fact]
    public async Task Deleting_the_organization_deletes_its_keys()
    {
        // Arrange
        var created = await CreateAsync();

        // Act
        await Emulator.ManageAsync(HttpMethod.Delete, $"/api/v1/organizations/{_organizationId}", null, System.Net.HttpStatusCode.OK);

        // Assert
        await Tokens.ValidateTokenAsync(new ValidateTokenRequest { Token = created.Token }, _grpc.Authorized)
            .ShouldFailWithAsync(StatusCode.NotFound, "The API key is not known");
    }

    private async Task<CreateTokenResponse> CreateAsync(string? userId = null, string? description = null, DateTimeOffset? expiry = null) =>
        await Tokens.CreateTokenAsync(Request(userId, description, expiry), _grpc.Authorized);

    private CreateTokenRequest Request(string? userId = null, string? description = null, DateTimeOffset? expiry = null)
    {
        var token = new CreateToken { OrganizationId = _organizationId, UserId = userId ?? "", Description = description ?? "" };
        token.CustomClaims["env"] = "ci";
        if (expiry is { } at)
        {
            token.Expiry = Timestamp.FromDateTimeOffset(at);
        }

        return new CreateTokenRequest { Token = token };
    }
}
