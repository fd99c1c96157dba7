using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace AnatomyBot.Testing.Conformance;

/// <summary>Turns a schema of an OpenAPI 3.0 or Swagger 2.0 document into a JSON Schema (2020-12) that JsonSchema.Net
/// evaluates: the named schemas it reaches through <c>$ref</c> become its <c>$defs</c> (only those), OpenAPI 3.0's
/// <c>nullable: true</c> admits <c>null</c>, and keywords JSON Schema does not know (<c>discriminator</c>, <c>example</c>,
/// <c>x-*</c>, …) are dropped. In Swagger documents generated from .NET (Azure DevOps), <c>type: object</c> without
/// properties stands for any value, a property of <c>format: T</c> is a generic type parameter (any value), one of
/// <c>format: JObject</c> (written <c>type: string</c>) is a JSON object (Newtonsoft's <c>JObject</c>, as a policy
/// configuration's <c>settings</c> are sent), and a
/// collection class (<c>type: object</c> whose <c>allOf</c> is an array, e.g. <c>JsonPatchDocument</c>) is that array;
/// they are translated so.</summary>
internal sealed class SchemaTranslator(JsonElement root, string definitionsPointer, bool objectMeansAny)
{
    private static readonly HashSet<string> SchemaMaps = ["properties", "patternProperties", "$defs", "definitions"];
    private static readonly HashSet<string> SchemaLists = ["allOf", "anyOf", "oneOf"];
    private static readonly HashSet<string> SchemaValues = ["items", "additionalProperties", "not"];
    private static readonly HashSet<string> Kept =
    [
        "type", "enum", "const", "required", "format", "pattern", "minimum", "maximum", "minLength", "maxLength",
        "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties", "multipleOf",
    ];

    public JsonSchema Compile(JsonElement schema)
    {
        var defs = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var main = Translate(schema, defs).AsObject();
        main["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        if (defs.Count > 0)
        {
            var definitions = new JsonObject();
            foreach (var (name, definition) in defs)
            {
                definitions[name] = definition;
            }

            main["$defs"] = definitions;
        }

        return JsonSchema.FromText(main.ToJsonString());
    }

    private JsonNode Translate(JsonElement schema, Dictionary<string, JsonNode?> defs)
    {
        if (schema.ValueKind == JsonValueKind.True || schema.ValueKind == JsonValueKind.False)
        {
            return JsonValue.Create(schema.GetBoolean());
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            return new JsonObject { ["$ref"] = "#/$defs/" + Define(reference.GetString()!, defs) };
        }

        var result = new JsonObject();
        foreach (var property in schema.EnumerateObject())
        {
            var name = property.Name;
            if (SchemaMaps.Contains(name) && property.Value.ValueKind == JsonValueKind.Object)
            {
                var map = new JsonObject();
                foreach (var entry in property.Value.EnumerateObject())
                {
                    map[entry.Name] = Translate(entry.Value, defs);
                }

                result[name == "definitions" ? "$defs" : name] = map;
            }
            else if (SchemaLists.Contains(name))
            {
                result[name] = new JsonArray([.. property.Value.EnumerateArray().Select(s => Translate(s, defs))]);
            }
            else if (SchemaValues.Contains(name))
            {
                result[name] = Translate(property.Value, defs);
            }
            else if (Kept.Contains(name))
            {
                result[name] = JsonNode.Parse(property.Value.GetRawText());
            }
            else if (name is "exclusiveMinimum" or "exclusiveMaximum" && property.Value.ValueKind == JsonValueKind.True)
            {
                var bound = name == "exclusiveMinimum" ? "minimum" : "maximum";
                if (schema.TryGetProperty(bound, out var value))
                {
                    result[name] = value.GetDouble();
                }
            }
        }

        if (objectMeansAny && (IsAnyObject(result) || IsCollectionClass(result) || result["format"]?.GetValue<string>() == "T"))
        {
            result.Remove("type");
            result.Remove("format");
        }
        else if (objectMeansAny && result["format"]?.GetValue<string>() == "JObject")
        {
            result["type"] = "object";
            result.Remove("format");
        }

        return schema.TryGetProperty("nullable", out var nullable) && nullable.ValueKind == JsonValueKind.True ? Nullable(result) : result;
    }

    private static bool IsAnyObject(JsonObject schema) =>
        schema["type"]?.GetValue<string>() == "object" && !schema.ContainsKey("properties") && !schema.ContainsKey("additionalProperties") && !schema.ContainsKey("allOf");

    private static bool IsCollectionClass(JsonObject schema) =>
        schema["type"]?.GetValue<string>() == "object" && schema["properties"] is not JsonObject { Count: > 0 }
        && schema["allOf"] is JsonArray allOf && allOf.Any(s => s?["type"]?.GetValue<string>() == "array");

    /// <summary>OpenAPI 3.0's <c>nullable: true</c>: the value may also be <c>null</c>.</summary>
    private static JsonObject Nullable(JsonObject schema)
    {
        if (schema["type"] is JsonValue type && type.GetValue<string>() is var name)
        {
            schema["type"] = new JsonArray(name, "null");
            if (schema["enum"] is JsonArray values && !values.Any(v => v is null))
            {
                values.Add(null);
            }

            return schema;
        }

        return new JsonObject { ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "null" }, schema) };
    }

    private string Define(string reference, Dictionary<string, JsonNode?> defs)
    {
        if (!reference.StartsWith(definitionsPointer, StringComparison.Ordinal))
        {
            throw new NotSupportedException($"Only references into {definitionsPointer} are supported, not {reference}.");
        }

        var name = reference[definitionsPointer.Length..];
        if (!defs.ContainsKey(name))
        {
            defs[name] = null;
            var definition = root;
            foreach (var segment in definitionsPointer.TrimStart('#', '/').TrimEnd('/').Split('/'))
            {
                definition = definition.GetProperty(segment);
            }

            defs[name] = Translate(definition.GetProperty(name), defs);
        }

        return name;
    }
}
