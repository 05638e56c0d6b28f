using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Scalekit.Emulator.Management;
using Scalekit.Emulator.Protos.Tokens;
using Scalekit.Emulator.Storage;
using static Scalekit.Emulator.Management.GrpcResults;

namespace Scalekit.Emulator.ApiKeys;

/// <summary>
/// <c>scalekit.v1.tokens.ApiTokenService</c>, as Scalekit's SDKs call it (<c>Protos/scalekit/v1/tokens/tokens.proto</c>).
/// A failed validation is <c>NOT_FOUND</c> or <c>INVALID_ARGUMENT</c>, which the Node SDK turns into its
/// <c>ScalekitValidateTokenFailureException</c>; never <c>UNAUTHENTICATED</c>, which would make the SDK fetch a new
/// environment token and try again.
/// </summary>
internal sealed class ApiTokenGrpcService(ApiKeyOperations keys) : ApiTokenService.ApiTokenServiceBase
{
    public override Task<CreateTokenResponse> CreateToken(CreateTokenRequest request, ServerCallContext context)
    {
        var token = request.Token ?? new CreateToken();
        var (key, plainKey) = Unwrap(keys.Create(token.OrganizationId, token.UserId, token.CustomClaims, Expiry(token.Expiry), token.Description));
        return Task.FromResult(new CreateTokenResponse { Token = plainKey, TokenId = key.Id, TokenInfo = Message(key) });
    }

    public override Task<ValidateTokenResponse> ValidateToken(ValidateTokenRequest request, ServerCallContext context) =>
        Task.FromResult(new ValidateTokenResponse { TokenInfo = Message(Unwrap(keys.Validate(request.Token))) });

    public override Task<ListTokensResponse> ListTokens(ListTokensRequest request, ServerCallContext context)
    {
        var paging = PageRequest.From(request.PageSize, request.PageToken, ApiKeyOperations.Pages);
        var page = Unwrap(keys.List(request.OrganizationId, request.HasUserId ? request.UserId : null, paging));
        var response = new ListTokensResponse { TotalCount = page.Total, NextPageToken = page.NextPageToken, PrevPageToken = page.PrevPageToken };
        response.Tokens.AddRange(page.Items.Select(Message));
        return Task.FromResult(response);
    }

    public override Task<UpdateTokenResponse> UpdateToken(UpdateTokenRequest request, ServerCallContext context) =>
        Task.FromResult(new UpdateTokenResponse
        {
            TokenInfo = Message(Unwrap(keys.Update(request.Token, request.CustomClaims, request.HasDescription ? request.Description : null))),
        });

    public override Task<Empty> InvalidateToken(InvalidateTokenRequest request, ServerCallContext context)
    {
        Unwrap(keys.Invalidate(request.Token));
        return Task.FromResult(new Empty());
    }

    /// <summary>The expiry as a time, or <c>INVALID_ARGUMENT</c> for a timestamp outside years 1 to 9999 (which would not convert).</summary>
    private static DateTime? Expiry(Timestamp? expiry) =>
        expiry is null ? null
        : expiry.Seconds is < -62135596800 or > 253402300799 || expiry.Nanos is < 0 or > 999_999_999
            ? throw Refusal(ManagementError.Invalid("expiry is not a valid time: seconds from year 1 to 9999, nanos from 0 to 999999999."))
            : expiry.ToDateTime();

    private static Token Message(ApiKey key)
    {
        var message = new Token
        {
            TokenId = key.Id,
            OrganizationId = key.OrganizationId,
            OrganizationExternalId = key.OrganizationExternalId ?? "",
            CreatedAt = Time(key.CreateTime),
            TokenSuffix = key.KeySuffix,
        };
        if (key.UserId is { } userId)
        {
            message.UserId = userId;
        }

        if (key.Expiry is { } expiry)
        {
            message.Expiry = Time(expiry);
        }

        if (key.Description is { } description)
        {
            message.Description = description;
        }

        foreach (var (name, value) in key.CustomClaims)
        {
            message.CustomClaims[name] = value;
        }

        return message;
    }
}
