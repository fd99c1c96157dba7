using System.Text.Json;
using Json.Schema;

namespace AnatomyBot.Testing.Conformance;

/// <summary>One operation of a published API description: method, path template, query parameters, request body and
/// the documented answers by status (each with its schema per media type; an answer without content has none). Schemas
/// are compiled on first use.</summary>
internal sealed class DescribedOperation(
    string id,
    string method,
    string template,
    string text,
    IReadOnlyDictionary<string, Lazy<JsonSchema>> query,
    Lazy<JsonSchema>? requestBody,
    bool requestBodyRequired,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, Lazy<JsonSchema>?>> responses)
{
    public string Id { get; } = id;

    public string Method { get; } = method;

    public string Template { get; } = template;

    /// <summary>The operation's prose (its description), for media types it names there.</summary>
    public string Text { get; } = text;

    public IReadOnlyDictionary<string, Lazy<JsonSchema>> Query { get; } = query;

    public Lazy<JsonSchema>? RequestBody { get; } = requestBody;

    public bool RequestBodyRequired { get; } = requestBodyRequired;

    /// <summary>Status → media type → schema (null: that media type's schema is not given).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, Lazy<JsonSchema>?>> Responses { get; } = responses;

    public override string ToString() => $"{Method} {Template} ({Id})";

    internal static string StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
}
