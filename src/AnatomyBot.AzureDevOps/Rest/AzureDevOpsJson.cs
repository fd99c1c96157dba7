using System.Text.Json;
using System.Text.Json.Serialization;

namespace AnatomyBot.AzureDevOps.Rest;

internal static class AzureDevOpsJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
