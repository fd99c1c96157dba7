using System.Text.Json.Nodes;

namespace AnatomyBot.Infra.Tests.Infrastructure;

/// <summary>Every resource of a compiled ARM template, nested module deployments included (their inline templates), in
/// either resource layout (array, or the symbolic-name object of language version 2.0).</summary>
internal static class ArmResources
{
    public static IEnumerable<JsonObject> All(JsonNode template)
    {
        foreach (var resource in Direct(template))
        {
            yield return resource;
            if (resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in All(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    public static IReadOnlyList<JsonObject> OfType(JsonNode template, string type) =>
        [.. All(template).Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase))];

    public static JsonObject Single(JsonNode template, string type) => Assert.Single(OfType(template, type));

    private static IEnumerable<JsonObject> Direct(JsonNode template) => template["resources"] switch
    {
        JsonArray array => array.OfType<JsonObject>(),
        JsonObject map => map.Select(p => p.Value).OfType<JsonObject>(),
        _ => [],
    };
}
