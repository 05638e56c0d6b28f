using System.Globalization;
using System.Text;
using Scalekit.Emulator.Internal;
using Scalekit.Emulator.Storage;

namespace Scalekit.Emulator.Endpoints;

/// <summary>Organizations: create, get, and list with <c>page_size</c> / <c>page_token</c> (Scalekit's management API reference).</summary>
internal static class OrganizationEndpoints
{
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 100;

    public static async Task<IResult> CreateAsync(HttpRequest request, EmulatorStore store)
    {
        var (body, error) = await EmulatorResults.ReadBodyAsync<CreateOrganizationRequest>(request);
        if (error is not null)
        {
            return error;
        }

        if (ManagementValidation.Organization(body!) is { } invalid)
        {
            return EmulatorResults.Problem(StatusCodes.Status400BadRequest, invalid);
        }

        if (body!.ExternalId is { } externalId && store.ExternalIdExists(externalId))
        {
            return EmulatorResults.Problem(StatusCodes.Status409Conflict, $"An organization with external_id '{externalId}' exists already.");
        }

        var organization = store.CreateOrganization(body.DisplayName!.Trim(), body.ExternalId, body.RegionCode, body.Metadata ?? []);
        return EmulatorResults.Json(new { organization }, StatusCodes.Status201Created);
    }

    public static IResult Get(string organizationId, EmulatorStore store) =>
        store.GetOrganization(organizationId) is { } organization
            ? EmulatorResults.Json(new { organization })
            : EmulatorResults.NotFound("organization", organizationId);

    public static IResult List(HttpRequest request, EmulatorStore store)
    {
        var query = request.Query;
        var pageSize = DefaultPageSize;
        if (query["page_size"].ToString() is { Length: > 0 } size
            && (!int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxPageSize))
        {
            return EmulatorResults.Problem(StatusCodes.Status400BadRequest, $"page_size must be a whole number from 1 to {MaxPageSize}.");
        }

        if (DecodePageToken(query["page_token"].ToString()) is not { } offset)
        {
            return EmulatorResults.Problem(StatusCodes.Status400BadRequest, "page_token is not one this API returned; pass next_page_token or prev_page_token as received.");
        }

        var externalId = query["external_id"].ToString() is { Length: > 0 } id ? id : null;
        var (page, total) = store.ListOrganizations(offset, pageSize, externalId);
        return EmulatorResults.Json(new
        {
            organizations = page,
            next_page_token = offset + page.Count < total ? EncodePageToken(offset + page.Count) : "",
            prev_page_token = offset > 0 ? EncodePageToken(Math.Max(0, offset - pageSize)) : "",
            total_size = total,
        });
    }

    private static string EncodePageToken(int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes("offset:" + offset.ToString(CultureInfo.InvariantCulture)));

    private static int? DecodePageToken(string token)
    {
        if (token.Length == 0)
        {
            return 0;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            return text.StartsWith("offset:", StringComparison.Ordinal)
                   && int.TryParse(text["offset:".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
                ? offset
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
