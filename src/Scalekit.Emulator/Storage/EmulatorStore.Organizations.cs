using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Scalekit.Emulator.Organizations;
using Scalekit.Tokens;

namespace Scalekit.Emulator.Storage;

/// <summary>Organizations. Deleting one deletes its API clients, their secrets and its API keys (foreign keys cascade).</summary>
internal sealed partial class EmulatorStore
{
    private const string OrganizationColumns = "id, display_name, external_id, region_code, metadata, create_time, update_time, slug, logo_url";

    public Organization CreateOrganization(OrganizationFields fields)
    {
        var now = Now();
        var id = ScalekitIds.Organization();
        using var connection = database.Open();
        Execute(connection, null,
            $"INSERT INTO organizations ({OrganizationColumns}) VALUES ($id, $name, $external, $region, $metadata, $now, $now, $slug, $logo)",
            ("$id", id), ("$name", fields.DisplayName!.Trim()), ("$external", NullIfEmpty(fields.ExternalId)), ("$region", fields.RegionCode),
            ("$metadata", JsonSerializer.Serialize(fields.Metadata ?? [])), ("$now", Format(now)),
            ("$slug", NullIfEmpty(fields.Slug)), ("$logo", NullIfEmpty(fields.LogoUrl)));
        return LoadOrganization(connection, OrganizationReference.ById(id))!;
    }

    public Organization? GetOrganization(string id) => GetOrganization(OrganizationReference.ById(id));

    public Organization? GetOrganization(OrganizationReference reference)
    {
        using var connection = database.Open();
        return LoadOrganization(connection, reference);
    }

    /// <summary>Sets the fields of <paramref name="fields"/> that are not <see langword="null"/>; the organization's new state, or <see langword="null"/> when it does not exist.</summary>
    public Organization? UpdateOrganization(string id, OrganizationFields fields)
    {
        using var connection = database.Open();
        var changed = Execute(connection, null,
            "UPDATE organizations SET " +
            "display_name = COALESCE($name, display_name), " +
            "external_id = CASE WHEN $external IS NULL THEN external_id WHEN $external = '' THEN NULL ELSE $external END, " +
            "region_code = COALESCE($region, region_code), metadata = COALESCE($metadata, metadata), " +
            "slug = CASE WHEN $slug IS NULL THEN slug WHEN $slug = '' THEN NULL ELSE $slug END, " +
            "logo_url = CASE WHEN $logo IS NULL THEN logo_url WHEN $logo = '' THEN NULL ELSE $logo END, " +
            "update_time = $now WHERE id = $id",
            ("$id", id), ("$name", fields.DisplayName?.Trim()), ("$external", fields.ExternalId), ("$region", fields.RegionCode),
            ("$metadata", fields.Metadata is null ? null : JsonSerializer.Serialize(fields.Metadata)),
            ("$slug", fields.Slug), ("$logo", fields.LogoUrl), ("$now", Format(Now())));
        return changed == 0 ? null : LoadOrganization(connection, OrganizationReference.ById(id));
    }

    public bool DeleteOrganization(string id)
    {
        using var connection = database.Open();
        return Execute(connection, null, "DELETE FROM organizations WHERE id = $id", ("$id", id)) > 0;
    }

    public (IReadOnlyList<Organization> Page, int Total) ListOrganizations(int offset, int pageSize, string? externalId) =>
        OrganizationPage("WHERE ($external IS NULL OR external_id = $external)", offset, pageSize, ("$external", externalId));

    /// <summary>Organizations whose id or external id is <paramref name="query"/>, or whose display name or external id contains it, ignoring ASCII case.</summary>
    public (IReadOnlyList<Organization> Page, int Total) SearchOrganizations(string query, int offset, int pageSize) =>
        OrganizationPage(
            "WHERE id = $query OR instr(lower(display_name), lower($query)) > 0 OR instr(lower(COALESCE(external_id, '')), lower($query)) > 0",
            offset, pageSize, ("$query", query));

    /// <summary>The id of the organization that has <paramref name="externalId"/>, or <see langword="null"/>.</summary>
    public string? ExternalIdOwner(string externalId)
    {
        using var connection = database.Open();
        return Scalar(connection, "SELECT id FROM organizations WHERE external_id = $external", ("$external", externalId)) as string;
    }

    private (IReadOnlyList<Organization> Page, int Total) OrganizationPage(string filter, int offset, int pageSize, params (string Name, object? Value)[] parameters)
    {
        using var connection = database.Open();
        var total = Convert.ToInt32(Scalar(connection, $"SELECT COUNT(*) FROM organizations {filter}", parameters), CultureInfo.InvariantCulture);
        var page = Query(connection, null, $"SELECT {OrganizationColumns} FROM organizations {filter} ORDER BY seq LIMIT $limit OFFSET $offset",
            ReadOrganization, [.. parameters, ("$limit", pageSize), ("$offset", offset)]);
        return (page, total);
    }

    private static Organization? LoadOrganization(SqliteConnection connection, OrganizationReference reference) =>
        reference.Id is { } id
            ? Query(connection, null, $"SELECT {OrganizationColumns} FROM organizations WHERE id = $id", ReadOrganization, ("$id", id)).FirstOrDefault()
            : Query(connection, null, $"SELECT {OrganizationColumns} FROM organizations WHERE external_id = $external", ReadOrganization, ("$external", reference.ExternalId)).FirstOrDefault();

    private static Organization ReadOrganization(SqliteDataReader r) => new(
        r.GetString(0), Parse(r.GetString(5)), Parse(r.GetString(6)), r.GetString(1),
        r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(2) ? null : r.GetString(2),
        JsonSerializer.Deserialize<Dictionary<string, string>>(r.GetString(4)) ?? [],
        r.IsDBNull(7) ? null : r.GetString(7), r.IsDBNull(8) ? null : r.GetString(8));

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
