using System.Text.Json;
using System.Text.Json.Serialization;
using Scalekit.Client.Management;

namespace Scalekit.Client.Internal;

/// <summary>
/// The management API's JSON, source-generated (no reflection, so trimming- and native-AOT-safe): Scalekit's wire
/// settings (<see cref="JsonSerializerDefaults.Web"/>, snake_case names, nulls left out of requests, unknown members
/// ignored) for every type <see cref="ScalekitManagementClient"/> sends or reads. A type missing here fails its call with
/// a <see cref="NotSupportedException"/> that names it.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(OrganizationPage))]
[JsonSerializable(typeof(OrganizationEnvelope))]
[JsonSerializable(typeof(OrganizationBody))]
[JsonSerializable(typeof(ClientEnvelope))]
[JsonSerializable(typeof(ClientPage))]
[JsonSerializable(typeof(ScalekitApiClientRequest))]
[JsonSerializable(typeof(ScalekitCreatedApiClient))]
[JsonSerializable(typeof(ScalekitCreatedSecret))]
[JsonSerializable(typeof(CreatedApiKey))]
[JsonSerializable(typeof(ApiKeyEnvelope))]
[JsonSerializable(typeof(ApiKeyPage))]
[JsonSerializable(typeof(CreateApiKeyBody))]
[JsonSerializable(typeof(ApiKeyBody))]
internal sealed partial class ManagementJsonContext : JsonSerializerContext;
