using Scalekit.Emulator.Internal;
using Scalekit.Emulator.Management;
using Scalekit.Emulator.Storage;

namespace Scalekit.Emulator.ApiKeys;

/// <summary>
/// API keys over REST, on the routes of the RPCs' <c>google.api.http</c> mappings
/// (<c>Protos/scalekit/v1/tokens/tokens.proto</c>): <c>POST /api/v1/tokens</c>, <c>GET /api/v1/tokens</c>, and
/// <c>POST /api/v1/tokens:validate</c>, <c>:update</c>, <c>:invalidate</c>.
/// </summary>
internal static class ApiKeyEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/tokens", CreateAsync);
        api.MapGet("/tokens", (HttpRequest request, ApiKeyOperations keys) =>
            EmulatorResults.From(
                keys.List(request.Query["organization_id"].ToString(), request.Query["user_id"].ToString(),
                    PageRequest.FromQuery(request.Query, ApiKeyOperations.Pages)),
                page => new { tokens = page.Items.Select(Info), total_count = page.Total, next_page_token = page.NextPageToken, prev_page_token = page.PrevPageToken }));
        api.MapPost("/tokens:validate", async (HttpRequest request, ApiKeyOperations keys) =>
            await WithBodyAsync(request, body => EmulatorResults.From(keys.Validate(body.Token), key => new { token_info = Info(key) })));
        api.MapPost("/tokens:update", async (HttpRequest request, ApiKeyOperations keys) =>
            await WithBodyAsync(request, body => EmulatorResults.From(keys.Update(body.Token, body.CustomClaims, body.Description), key => new { token_info = Info(key) })));
        api.MapPost("/tokens:invalidate", async (HttpRequest request, ApiKeyOperations keys) =>
            await WithBodyAsync(request, body => EmulatorResults.From(keys.Invalidate(body.Token), _ => new { })));
    }

    /// <summary>A key's details in the wire shape of the SDK's <c>Token</c> message.</summary>
    public static object Info(ApiKey key) => new
    {
        token_id = key.Id,
        organization_id = key.OrganizationId,
        organization_external_id = key.OrganizationExternalId ?? "",
        user_id = key.UserId,
        custom_claims = key.CustomClaims,
        expiry = key.Expiry,
        created_at = key.CreateTime,
        description = key.Description,
        token_suffix = key.KeySuffix,
        roles = Array.Empty<string>(),
    };

    private static async Task<IResult> CreateAsync(HttpRequest request, ApiKeyOperations keys)
    {
        var (body, error) = await EmulatorResults.ReadBodyAsync<CreateApiKeyRequest>(request);
        return error ?? EmulatorResults.From(
            keys.Create(body!.OrganizationId, body.UserId, body.CustomClaims, body.Expiry?.UtcDateTime, body.Description),
            created => new { token = created.PlainKey, token_id = created.Key.Id, token_info = Info(created.Key) },
            StatusCodes.Status201Created);
    }

    private static async Task<IResult> WithBodyAsync(HttpRequest request, Func<ApiKeyRequest, IResult> answer)
    {
        var (body, error) = await EmulatorResults.ReadBodyAsync<ApiKeyRequest>(request);
        return error ?? answer(body!);
    }

    /// <summary>The body of <c>POST /api/v1/tokens</c>.</summary>
    private sealed record CreateApiKeyRequest(
        string? OrganizationId, string? UserId, Dictionary<string, string>? CustomClaims, DateTimeOffset? Expiry, string? Description);

    /// <summary>The body of <c>:validate</c>, <c>:update</c> and <c>:invalidate</c>: the key or, except to validate, its id.</summary>
    private sealed record ApiKeyRequest(string? Token, Dictionary<string, string>? CustomClaims, string? Description);
}
