using Scalekit.Emulator.Clients;
using Scalekit.Emulator.Organizations;
using Scalekit.Emulator.Storage;

namespace Scalekit.Emulator.Management;

/// <summary>Field rules of the management API. Each message names the field and the limit.</summary>
internal static class ManagementValidation
{
    public const int MaxName = 128;
    public const int MaxOrganizationName = 200;
    public const int MaxSlug = 253;
    public const int MaxLogoUrl = 1024;
    public const int MaxMetadataEntries = 10;
    public const int MaxDescription = 1024;
    public const int MaxListItems = 50;
    public const int MaxItemLength = 256;
    public const int MaxClaimValue = 1024;
    public const long MinExpiry = 60;
    public const long MaxExpiry = 30L * 24 * 3600;
    public const long DefaultExpiry = 3600;

    /// <summary>
    /// The rules of an organization's fields, as Scalekit's API reference gives them (the SDK's descriptors);
    /// <paramref name="create"/> makes display_name required.
    /// </summary>
    public static string? Organization(OrganizationFields fields, bool create) =>
        create && string.IsNullOrWhiteSpace(fields.DisplayName) ? "display_name is required."
        : fields.DisplayName is { } name && string.IsNullOrWhiteSpace(name) ? "display_name cannot be blank."
        : fields.DisplayName is { Length: > MaxOrganizationName } ? $"display_name is longer than {MaxOrganizationName} characters."
        : fields.ExternalId is { Length: > MaxItemLength } ? $"external_id is longer than {MaxItemLength} characters."
        : fields.RegionCode is { Length: > 0 } and not ("US" or "EU") ? "region_code must be US or EU (or left out)."
        : fields.Slug is { Length: > MaxSlug } ? $"slug is longer than {MaxSlug} characters."
        : fields.LogoUrl is { Length: > 0 } logo
          && (logo.Length > MaxLogoUrl || !Uri.TryCreate(logo, UriKind.Absolute, out var logoUri) || logoUri.Scheme != Uri.UriSchemeHttps)
            ? $"logo_url must be an https URL of at most {MaxLogoUrl} characters."
        : fields.Metadata is { Count: > MaxMetadataEntries } ? $"metadata has more than {MaxMetadataEntries} entries."
        : fields.Metadata?.Any(m => m.Key.Length is < 3 or > 25 || m.Value is null || m.Value.Length is 0 or > 256) == true
            ? "each metadata entry needs a key of 3 to 25 characters and a value of 1 to 256."
        : null;

    /// <summary>Merges <paramref name="request"/> over <paramref name="existing"/> (PATCH) or defaults (POST) and checks the result.</summary>
    public static (ApiClientSpec? Spec, string? Error) Client(ClientFields request, ApiClient? existing)
    {
        var spec = new ApiClientSpec(
            request.Name?.Trim() ?? existing?.Name ?? string.Empty,
            request.Description ?? existing?.Description ?? string.Empty,
            request.Scopes ?? existing?.Scopes ?? [],
            request.Audience ?? existing?.Audience ?? [],
            request.CustomClaims ?? existing?.CustomClaims ?? [],
            request.Expiry ?? existing?.Expiry ?? DefaultExpiry);

        var error =
            spec.Name.Length == 0 ? "name is required."
            : spec.Name.Length > MaxName ? $"name is longer than {MaxName} characters."
            : spec.Description.Length > MaxDescription ? $"description is longer than {MaxDescription} characters."
            : List("scopes", spec.Scopes, scopeTokens: true)
              ?? List("audience", spec.Audience, scopeTokens: false)
              ?? Claims(spec.CustomClaims)
              ?? (spec.Expiry is < MinExpiry or > MaxExpiry ? $"expiry must be between {MinExpiry} and {MaxExpiry} seconds." : null);

        return error is null ? (spec, null) : (null, error);
    }

    /// <summary>
    /// Whether <paramref name="value"/> is one RFC 6749 §3.3 scope-token of at most <see cref="MaxItemLength"/>
    /// characters: printable ASCII without space, <c>"</c> or <c>\</c>. A token request asks for these too.
    /// </summary>
    public static bool IsScope(string? value) =>
        value is { Length: > 0 and <= MaxItemLength } && value.All(c => c is >= '\x21' and <= '\x7E' and not '"' and not '\\');

    /// <summary>A value as it may appear in an error description: at most 40 characters.</summary>
    public static string Clip(string? value) => value is null ? "" : value.Length > 40 ? value[..40] + "…" : value;

    private static string? List(string field, IReadOnlyList<string> values, bool scopeTokens)
    {
        if (values.Count > MaxListItems)
        {
            return $"{field} has more than {MaxListItems} entries.";
        }

        foreach (var value in values)
        {
            if (scopeTokens && !IsScope(value))
            {
                return $"{field} entry '{Clip(value)}' is not a scope: at most {MaxItemLength} printable ASCII characters without space, '\"' or '\\' (RFC 6749 §3.3).";
            }

            if (string.IsNullOrWhiteSpace(value) || value.Length > MaxItemLength)
            {
                return $"{field} entry '{Clip(value)}' is empty or longer than {MaxItemLength} characters.";
            }
        }

        return values.Distinct(StringComparer.Ordinal).Count() == values.Count ? null : $"{field} has duplicate entries.";
    }

    private static string? Claims(IReadOnlyList<CustomClaim> claims)
    {
        if (claims.Count > MaxListItems)
        {
            return $"custom_claims has more than {MaxListItems} entries.";
        }

        if (claims.Any(c => c is null || string.IsNullOrWhiteSpace(c.Key) || c.Key.Length > MaxItemLength || c.Value is null || c.Value.Length > MaxClaimValue))
        {
            return $"each custom_claims entry needs a key (at most {MaxItemLength} characters) and a value (at most {MaxClaimValue}).";
        }

        return claims.Select(c => c.Key).Distinct(StringComparer.Ordinal).Count() == claims.Count ? null : "custom_claims has duplicate keys.";
    }
}
