using Scalekit.Emulator.Management;
using Scalekit.Emulator.Storage;

namespace Scalekit.Emulator.ApiKeys;

/// <summary>
/// API keys (Scalekit's opaque API tokens) for an organization or one of its users: create (the key is shown once),
/// validate, list, update and invalidate, with the limits of Scalekit's API reference (the SDK's descriptors). REST (<see cref="ApiKeyEndpoints"/>) and gRPC
/// (<see cref="ApiTokenGrpcService"/>) only translate.
/// </summary>
internal sealed class ApiKeyOperations(EmulatorStore store)
{
    /// <summary>1 to 30 a page, 10 by default, as Scalekit's API reference gives it.</summary>
    public static readonly PageLimits Pages = new(10, 1, 30);
    public const int MaxCustomClaims = 20;
    public const int MaxDescription = 255;
    public const int MaxClaimKey = 30;
    public const int MaxClaimValue = 256;

    private static readonly ManagementError UnknownKey =
        new(ManagementErrorKind.NotFound, "The API key is not known: it was never issued by this emulator.");

    private static readonly ManagementError InvalidatedKey = new(ManagementErrorKind.NotFound, "The API key was invalidated.");

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

        return StoreConstraints.Guard<(ApiKey, string)>(
            () => store.CreateApiKey(organizationId, string.IsNullOrEmpty(userId) ? null : userId, customClaims ?? new Dictionary<string, string>(), expiry,
                string.IsNullOrEmpty(description) ? null : description),
            () => ManagementError.NotFound("organization", organizationId));
    }

    /// <summary>
    /// The key's details when <paramref name="keyOrId"/> is a current key or its id (<c>apit_…</c>): Scalekit's
    /// ValidateToken takes either. An id is listed and not secret, so an API that authenticates callers must only ever
    /// pass on what the caller presented as a key, never a value that could be an id.
    /// </summary>
    public ManagementResult<ApiKey> Validate(string? keyOrId)
    {
        var found = Find(keyOrId);
        if (found.Error is { } error)
        {
            return error;
        }

        var key = found.Value!;
        return Expired(key) ?? (ManagementResult<ApiKey>)key;
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
        if (Expired(key) is { } expired)
        {
            return expired;
        }

        if (customClaims?.Any(c => c.Value is null) == true)
        {
            return ManagementError.Invalid("each custom_claims entry needs a string value; an empty one removes the claim.");
        }

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

    /// <summary>Invalidates the key; a key already invalidated stays so and the call succeeds (Scalekit's InvalidateToken is idempotent).</summary>
    public ManagementResult<string> Invalidate(string? keyOrId)
    {
        var found = Find(keyOrId);
        if (ReferenceEquals(found.Error, InvalidatedKey))
        {
            return keyOrId!;
        }

        if (found.Error is { } error)
        {
            return error;
        }

        store.InvalidateApiKey(found.Value!.Id);
        return found.Value.Id;
    }

    /// <summary>The key named by its id (<c>apit_…</c>) or by the key itself, as the SDK's update and invalidate take either.</summary>
    private ManagementResult<ApiKey> Find(string? keyOrId)
    {
        if (string.IsNullOrEmpty(keyOrId))
        {
            return ManagementError.Invalid("token is required: the API key, or its id (apit_…).");
        }

        var key = keyOrId.StartsWith("apit_", StringComparison.Ordinal) ? store.GetApiKey(keyOrId) : store.FindApiKey(keyOrId);
        return key is not null ? key
            : store.WasInvalidated(keyOrId) ? InvalidatedKey
            : keyOrId.StartsWith("apit_", StringComparison.Ordinal) ? ManagementError.NotFound("API key", keyOrId)
            : UnknownKey;
    }

    private ManagementError? Expired(ApiKey key) =>
        key.Expiry is { } expiry && expiry <= store.Now()
            ? new ManagementError(ManagementErrorKind.NotFound, $"The API key {key.Id} expired at {expiry:O}.")
            : null;

    private static string? Claims(IReadOnlyDictionary<string, string>? claims) =>
        claims is null ? null
        : claims.Count > MaxCustomClaims ? $"custom_claims has more than {MaxCustomClaims} entries."
        : claims.Any(c => c.Key.Length is 0 or > MaxClaimKey || c.Value is null || c.Value.Length is 0 or > MaxClaimValue)
            ? $"each custom_claims entry needs a key of 1 to {MaxClaimKey} characters and a value of 1 to {MaxClaimValue}."
        : null;
}
