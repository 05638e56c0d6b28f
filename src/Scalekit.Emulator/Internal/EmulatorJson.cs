using System.Text.Json;
using System.Text.Json.Serialization;

namespace Scalekit.Emulator.Internal;

/// <summary>The wire JSON of Scalekit: snake_case names, nulls left out.</summary>
internal static class EmulatorJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };
}
