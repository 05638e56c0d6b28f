using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Scalekit.AspNetCore.Testing.Internal;

/// <summary>
/// <c>POST &lt;issuer&gt;/api/v1/tokens:validate</c>, answered as the emulator answers it
/// (<c>src/Scalekit.Emulator/ApiKeys/ApiKeyEndpoints.cs</c> and <c>ApiKeyOperations.cs</c>): 200 <c>{"token_info":{…}}</c>
/// for a current key or its id (<c>apit_…</c>, which Scalekit's ValidateToken accepts too); 404 problem details for an
/// unknown, invalidated or expired key; 400 for a body without a token or that is not JSON; 401 without the environment
/// client's token.
/// </summary>
internal sealed class ApiKeyValidationEndpoint(ApiKeyRegistry keys, EnvironmentTokenEndpoint environment, TimeProvider time)
{
    public async Task<HttpResponseMessage> AnswerAsync(HttpRequestMessage request, string body, string issuer)
    {
        if (await environment.RefuseAsync(request, issuer).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        if (!IsJson(request.Content?.Headers.ContentType?.MediaType))
        {
            return WireResponses.Problem(request, HttpStatusCode.BadRequest, "Send a JSON body with Content-Type: application/json.");
        }

        string? keyOrId;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Null)
            {
                return WireResponses.Problem(request, HttpStatusCode.BadRequest, "The JSON body is empty.");
            }

            keyOrId = ReadToken(document.RootElement);
        }
        catch (JsonException ex)
        {
            return WireResponses.Problem(request, HttpStatusCode.BadRequest, $"The JSON body is not valid: {ex.Message}");
        }

        if (string.IsNullOrEmpty(keyOrId))
        {
            return WireResponses.Problem(request, HttpStatusCode.BadRequest, "token is required: the API key, or its id (apit_…).");
        }

        var isId = keyOrId.StartsWith(ApiKeyRegistry.IdPrefix, StringComparison.Ordinal);
        return keys.Find(keyOrId, out var key) switch
        {
            ApiKeyLookup.Invalidated => WireResponses.Problem(request, HttpStatusCode.NotFound, "The API key was invalidated."),
            ApiKeyLookup.Unknown => WireResponses.Problem(request, HttpStatusCode.NotFound,
                isId ? $"No API key with id '{Clip(keyOrId)}'." : "The API key is not known: it was never issued by this test authority."),
            _ when key!.Expiry is { } expiry && expiry <= time.GetUtcNow() => WireResponses.Problem(request, HttpStatusCode.NotFound,
                $"The API key {key.Id} expired at {expiry.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)}."),
            _ => WireResponses.ManagementJson(request, HttpStatusCode.OK, json =>
            {
                json.WriteStartObject();
                json.WritePropertyName("token_info");
                WriteInfo(json, key!);
                json.WriteEndObject();
            }),
        };
    }

    /// <summary>A key's details in the emulator's <c>token_info</c> shape, fields in its order, absent ones left out.</summary>
    private static void WriteInfo(Utf8JsonWriter json, ScalekitTestApiKey key)
    {
        json.WriteStartObject();
        json.WriteString("token_id", key.Id);
        json.WriteString("organization_id", key.OrganizationId);
        json.WriteString("organization_external_id", key.OrganizationExternalId ?? "");
        if (key.UserId is { } userId)
        {
            json.WriteString("user_id", userId);
        }

        json.WriteStartObject("custom_claims");
        foreach (var (name, value) in key.CustomClaims)
        {
            json.WriteString(name, value);
        }

        json.WriteEndObject();
        if (key.Expiry is { } expiry)
        {
            json.WriteString("expiry", expiry.UtcDateTime);
        }

        json.WriteString("created_at", key.CreateTime.UtcDateTime);
        if (key.Description is { } description)
        {
            json.WriteString("description", description);
        }

        json.WriteString("token_suffix", key.KeySuffix);
        json.WriteStartArray("roles");
        foreach (var role in key.Roles)
        {
            json.WriteStringValue(role);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The body's <c>token</c> (matched without case, as the emulator's JSON options do); a value that is not a string is not valid JSON for it.</summary>
    private static string? ReadToken(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"The JSON value could not be converted to the request body: it is {root.ValueKind}, not an object.");
        }

        foreach (var property in root.EnumerateObject())
        {
            if (string.Equals(property.Name, "token", StringComparison.OrdinalIgnoreCase))
            {
                return property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Null => null,
                    _ => throw new JsonException("The JSON value could not be converted to a string. Path: $.token."),
                };
            }
        }

        return null;
    }

    private static bool IsJson(string? mediaType) =>
        mediaType is not null
        && (string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    /// <summary>A value as an answer may quote it: at most 40 characters (the emulator's <c>ManagementValidation.Clip</c>).</summary>
    public static string Clip(string? value) => value is null ? "" : value.Length > 40 ? value[..40] + "…" : value;
}
