using System.Text.Json;
using System.Text.Json.Serialization;
using Examples.Shared;

namespace AotApi;

/// <summary>
/// The JSON of every route in <see cref="DeploymentsApi"/>, generated at compile time with ASP.NET Core's web defaults
/// (camelCase names), so that the answers are MinimalApi's, byte for byte. ProblemDetails and validation problems come
/// with ASP.NET Core's own context.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(HealthStatus))]
[JsonSerializable(typeof(IReadOnlyList<Deployment>))]
[JsonSerializable(typeof(DeployRequest))]
[JsonSerializable(typeof(RollbackRequest))]
[JsonSerializable(typeof(CallerView))]
internal sealed partial class AotApiJsonContext : JsonSerializerContext;
