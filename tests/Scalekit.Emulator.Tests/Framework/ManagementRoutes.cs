using System.Text.Json.Nodes;

namespace Scalekit.Emulator.Tests.Framework;

/// <summary>
/// Every route behind the environment token, as (method, path template). <c>{org}</c>, <c>{client}</c> and
/// <c>{secret}</c> stand for a registered client's ids; <c>{other}</c> for a second organization's id.
/// </summary>
public static class ManagementRoutes
{
    public const string UnknownOrganization = "org_00000000000000000";
    public const string UnknownClient = "m2morg_00000000000000000";
    public const string UnknownSecret = "sks_00000000000000000";

    public static TheoryData<string, string> All => new()
    {
        { "POST", "/api/v1/organizations" },
        { "GET", "/api/v1/organizations" },
        { "GET", "/api/v1/organizations/{org}" },
        { "GET", "/api/v1/organizations:external/acme" },
        { "GET", "/api/v1/organizations:search?query=acme" },
        { "PATCH", "/api/v1/organizations/{org}" },
        { "DELETE", "/api/v1/organizations/{org}" },
        { "POST", "/api/v1/organizations/{org}/clients" },
        { "GET", "/api/v1/organizations/{org}/clients" },
        { "GET", "/api/v1/organizations/{org}/clients/{client}" },
        { "PATCH", "/api/v1/organizations/{org}/clients/{client}" },
        { "DELETE", "/api/v1/organizations/{org}/clients/{client}" },
        { "POST", "/api/v1/organizations/{org}/clients/{client}/secrets" },
        { "DELETE", "/api/v1/organizations/{org}/clients/{client}/secrets/{secret}" },
        { "POST", "/api/v1/tokens" },
        { "GET", "/api/v1/tokens?organization_id={org}" },
        { "POST", "/api/v1/tokens:validate" },
        { "POST", "/api/v1/tokens:update" },
        { "POST", "/api/v1/tokens:invalidate" },
        { "POST", "/admin/v1/keys/rotate" },
        { "GET", "/admin/v1/keys" },
    };

    /// <summary>Routes naming an organization, client or secret that does not exist (there, or at all).</summary>
    public static TheoryData<string, string> Unknown => new()
    {
        { "GET", $"/api/v1/organizations/{UnknownOrganization}" },
        { "GET", "/api/v1/organizations:external/unknown-external-id" },
        { "PATCH", $"/api/v1/organizations/{UnknownOrganization}" },
        { "DELETE", $"/api/v1/organizations/{UnknownOrganization}" },
        { "GET", $"/api/v1/organizations/{UnknownOrganization}/clients" },
        { "POST", $"/api/v1/organizations/{UnknownOrganization}/clients" },
        { "GET", $"/api/v1/organizations/{{org}}/clients/{UnknownClient}" },
        { "PATCH", $"/api/v1/organizations/{{org}}/clients/{UnknownClient}" },
        { "DELETE", $"/api/v1/organizations/{{org}}/clients/{UnknownClient}" },
        { "POST", $"/api/v1/organizations/{{org}}/clients/{UnknownClient}/secrets" },
        { "DELETE", $"/api/v1/organizations/{{org}}/clients/{{client}}/secrets/{UnknownSecret}" },
        { "GET", "/api/v1/organizations/{other}/clients/{client}" },
        { "PATCH", "/api/v1/organizations/{other}/clients/{client}" },
        { "DELETE", "/api/v1/organizations/{other}/clients/{client}" },
        { "POST", "/api/v1/organizations/{other}/clients/{client}/secrets" },
        { "DELETE", "/api/v1/organizations/{other}/clients/{client}/secrets/{secret}" },
    };

    public static string Fill(string template, RegisteredClient client, string? otherOrganization = null) => template
        .Replace("{org}", client.OrganizationId, StringComparison.Ordinal)
        .Replace("{client}", client.ClientId, StringComparison.Ordinal)
        .Replace("{secret}", client.Client.GetProperty("secrets")[0].GetProperty("id").GetString(), StringComparison.Ordinal)
        .Replace("{other}", otherOrganization ?? UnknownOrganization, StringComparison.Ordinal);

    /// <summary>A body that would be accepted by the route, so that only the unknown id can be wrong.</summary>
    public static JsonObject? ValidBody(string method, string path) =>
        method switch
        {
            "POST" when path.EndsWith("/clients", StringComparison.Ordinal) => SampleClient.Body(),
            "POST" when path.EndsWith("/organizations", StringComparison.Ordinal) => new JsonObject { ["display_name"] = "Acme Corp" },
            "PATCH" => new JsonObject { ["description"] = "changed" },
            _ => null,
        };
}
