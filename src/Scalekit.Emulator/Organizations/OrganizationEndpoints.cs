using Microsoft.AspNetCore.Http.Features;
using Scalekit.Emulator.Internal;
using Scalekit.Emulator.Management;

namespace Scalekit.Emulator.Organizations;

/// <summary>
/// Organizations over REST, on the routes of the RPCs' <c>google.api.http</c> mappings
/// (<c>Protos/scalekit/v1/organizations/organizations.proto</c>): create, get by id or external id, update, delete,
/// list and search.
/// </summary>
internal static class OrganizationEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/organizations", CreateAsync);
        api.MapGet("/organizations", List);
        api.MapGet("/organizations:search", Search);
        api.MapGet("/organizations:external/{externalId}", (HttpContext context, OrganizationOperations organizations) =>
            Answer(organizations.Get(OrganizationReference.ByExternalId(RawLastSegment(context)))));
        api.MapGet("/organizations/{organizationId}", (string organizationId, OrganizationOperations organizations) =>
            Answer(organizations.Get(OrganizationReference.ById(organizationId))));
        api.MapPatch("/organizations/{organizationId}", UpdateAsync);
        api.MapDelete("/organizations/{organizationId}", (string organizationId, OrganizationOperations organizations) =>
            EmulatorResults.From(organizations.Delete(OrganizationReference.ById(organizationId)), _ => new { }));
    }

    /// <summary>
    /// The last path segment, decoded once from the request target as sent. The route value would not do: Kestrel
    /// decodes the path except <c>%2F</c>, so "a/b" would arrive as "a%2Fb", and decoding that again would turn an
    /// external id "x%41" into "xA".
    /// </summary>
    private static string RawLastSegment(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "";
        var path = target.Split('?', 2)[0];
        return Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]);
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, OrganizationOperations organizations)
    {
        var (body, error) = await EmulatorResults.ReadBodyAsync<OrganizationFields>(request);
        return error ?? Answer(organizations.Create(body!), StatusCodes.Status201Created);
    }

    private static async Task<IResult> UpdateAsync(string organizationId, HttpRequest request, OrganizationOperations organizations)
    {
        var (body, error) = await EmulatorResults.ReadBodyAsync<OrganizationFields>(request);
        return error ?? Answer(organizations.Update(OrganizationReference.ById(organizationId), body!));
    }

    private static IResult List(HttpRequest request, OrganizationOperations organizations) =>
        AnswerPage(organizations.List(PageRequest.FromQuery(request.Query, OrganizationOperations.ListPages), request.Query["external_id"].ToString()));

    private static IResult Search(HttpRequest request, OrganizationOperations organizations) =>
        AnswerPage(organizations.Search(request.Query["query"].ToString(), PageRequest.FromQuery(request.Query, OrganizationOperations.SearchPages)));

    private static IResult Answer(ManagementResult<Storage.Organization> result, int status = StatusCodes.Status200OK) =>
        EmulatorResults.From(result, organization => new { organization }, status);

    private static IResult AnswerPage(ManagementResult<Page<Storage.Organization>> result) =>
        EmulatorResults.From(result, page => new
        {
            organizations = page.Items,
            next_page_token = page.NextPageToken,
            prev_page_token = page.PrevPageToken,
            total_size = page.Total,
        });
}
