using Scalekit.Emulator.Internal;
using Scalekit.Emulator.Management;
using Scalekit.Emulator.Storage;

namespace Scalekit.Emulator.ApiKeys;

/// <summary>
/// API keys (Scalekit's opaque API tokens) for an organization or one of its users: create (the key is shown once),
/// validate, list, update and invalidate. REST (<see cref="ApiKeyEndpoints"/>) and gRPC
/// (<see cref="ApiTokenGrpcService"/>) only translate.
/// </summary>
internal sealed class ApiKeyOperations(EmulatorStore store)
{
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 30;
    public const int MaxCustomClaims = 20;
    public const int MaxDescription = 255;

    private static readonly ManagementError UnknownKey =
        new(ManagementErrorKind.NotFound, "The API key is not known: it was never issued here, or it was invalidated.");

    public ManagementResult<(ApiKey Key, string PlainKey)> Create(string? organizationId, string? userId, IReadOnlyDictionary<string, string>? customClaims, DateTime? expiry, string? description)
    {
        if (string.IsNullOrEmpty(organizationId))
        {
            return ManagementError.Invalid("organization_id is required.");
        }

        var invalid =
            userId is { Length: > ManagementValidation.MaxItemLength } ? $"user_id is longer than {ManagementValidation.MaxItemLength} characters."
            : Claims(customClaims)
              ?? (description is { Length: > MaxDescription } ? $"description is longer than {MaxDescription} characters." : null)
              ?? (expiry is { } at && at <= store.Now() ? "expiry is in the past; give a future time, or none for a key that does not expire." : null);
        if (invalid is not null)
        {
            return ManagementError.Invalid(invalid);
        }

        if (store.GetOrganization(organizationId) is null)
        {
            return ManagementError.NotFound("organization", organizationId);
        }

        return store.CreateApiKey(organizationId, string.IsNullOrEmpty(userId) ? null : userId, customClaims ?? new Dictionary<string, string>(), expiry,
            string.IsNullOrEmpty(description) ? null : description);
    }

    /// <summary>
    /// The key's details when <paramref name="plainKey"/> is a current key. Only the key itself validates: a key's id
    /// (<c>apit_…</c>) is listed and not secret, so it is refused here.
    /// </summary>
    public ManagementResult<ApiKey> Validate(string? plainKey)
    {
        if (string.IsNullOrEmpty(plainKey))
        {
            return ManagementError.Invalid("token is required: the API key as created.");
        }

        if (plainKey.StartsWith("apit_", StringComparison.Ordinal))
        {
            return ManagementError.Invalid("That is an API key's id, not the key: validate the key itself, which starts with '" + Ids.ApiKeyPrefix + "'.");
        }

        if (store.FindApiKey(plainKey) is not { } key)
        {
            return UnknownKey;
        }

        return key.Expiry is { } expiry && expiry <= store.Now()
            ? new ManagementError(ManagementErrorKind.NotFound, $"The API key {key.Id} expired at {expiry:O}.")
            : key;
    }

    public ManagementResult<Page<ApiKey>> List(string? organizationId, string? userId, ManagementResult<PageRequest> paging)
    {
        if (string.IsNullOrEmpty(organizationId))
        {
            return ManagementError.Invalid("organization_id is required.");
        }

        if (paging.Error is { } error)
        {
            return error;
        }

        if (store.GetOrganization(organizationId) is null)
        {
            return ManagementError.NotFound("organization", organizationId);
        }

        var page = paging.Value;
        var (items, total) = store.ListApiKeys(organizationId, string.IsNullOrEmpty(userId) ? null : userId, page.Offset, page.Size);
        return page.Of(items, total);
    }

    /// <summary>Merges <paramref name="customClaims"/> into the key's (an empty value removes a claim) and sets the description unless it is <see langword="null"/>.</summary>
    public ManagementResult<ApiKey> Update(string? keyOrId, IReadOnlyDictionary<string, string>? customClaims, string? description)
    {
        var found = Find(keyOrId);
        if (found.Error is { } error)
        {
            return error;
        }

        var key = found.Value!;
        var merged = new Dictionary<string, string>(key.CustomClaims, StringComparer.Ordinal);
        foreach (var (name, value) in customClaims ?? new Dictionary<string, string>())
        {
            if (value.Length == 0)
            {
                merged.Remove(name);
            }
            else
            {
                merged[name] = value;
            }
        }

        var invalid = Claims(merged) ?? (description is { Length: > MaxDescription } ? $"description is longer than {MaxDescription} characters." : null);
        if (invalid is not null)
        {
            return ManagementError.Invalid(invalid);
        }

        return store.UpdateApiKey(key.Id, merged, description) is { } updated ? updated : ManagementError.NotFound("API key", key.Id);
    }

    public ManagementResult<ApiKey> Invalidate(string? keyOrId)
    {
        var found = Find(keyOrId);
        if (found.Error is { } error)
        {
            return error;
        }

        var key = found.Value!;
        return store.DeleteApiKey(key.Id) ? key : ManagementError.NotFound("API key", key.Id);
    }

    /// <summary>The key named by its id (<c>apit_…</c>) or by the key itself, as the SDK's update and invalidate take either.</summary>
    private ManagementResult<ApiKey> Find(string? keyOrId)
    {
        if (string.IsNullOrEmpty(keyOrId))
        {
            return ManagementError.Invalid("token is required: the API key, or its id (apit_…).");
        }

        var key = keyOrId.StartsWith("apit_", StringComparison.Ordinal) ? store.GetApiKey(keyOrId) : store.FindApiKey(keyOrId);
        return key is not null
            ? key
            : keyOrId.StartsWith("apit_", StringComparison.Ordinal)
                ? ManagementError.NotFound("API key", keyOrId)
                : UnknownKey;
    }

    private static string? Claims(IReadOnlyDictionary<string, string>? claims) =>
        claims is null ? null
        : claims.Count > MaxCustomClaims ? $"custom_claims has more than {MaxCustomClaims} entries."
        : claims.Any(c => c.Key.Length is 0 or > ManagementValidation.MaxItemLength || c.Value is null || c.Value.Length > ManagementValidation.MaxClaimValue)
            ? $"each custom_claims entry needs a key of 1 to {ManagementValidation.MaxItemLength} characters and a value of at most {ManagementValidation.MaxClaimValue}."
        : null;
}
