using System.Text.Json;
using Json.Schema;

namespace AnatomyBot.Testing.Conformance;

/// <summary>GitHub's official OpenAPI 3.0 description of api.github.com (<c>github/rest/api.github.com.json</c> in the
/// conformance corpus), read once per test assembly: every operation by method and path template, with its query
/// parameters, request body schema and answers.</summary>
internal sealed class GitHubDescription
{
    private static readonly Lazy<GitHubDescription?> Instance = new(Load);
    private readonly Dictionary<(string Method, string Template), DescribedOperation> _operations;

    private GitHubDescription(JsonDocument document, SchemaTranslator translator)
    {
        Document = document;
        Translator = translator;
        _operations = [];
        var root = document.RootElement;
        foreach (var path in root.GetProperty("paths").EnumerateObject())
        {
            var shared = path.Value.TryGetProperty("parameters", out var p) ? p.EnumerateArray().ToList() : [];
            foreach (var method in path.Value.EnumerateObject().Where(m => m.Name is "get" or "put" or "post" or "delete" or "patch" or "head"))
            {
                _operations[(method.Name.ToUpperInvariant(), path.Name)] = Operation(root, path.Name, method.Name.ToUpperInvariant(), method.Value, shared);
            }
        }
    }

    /// <summary>The description, or null when the corpus is not in this checkout (throws under <c>CI=true</c>).</summary>
    public static GitHubDescription? Current => Instance.Value;

    public JsonDocument Document { get; }

    public SchemaTranslator Translator { get; }

    public IReadOnlyCollection<DescribedOperation> Operations => _operations.Values;

    public DescribedOperation? Find(string method, string template) => _operations.GetValueOrDefault((method.ToUpperInvariant(), template));

    /// <summary>A named schema of <c>#/components/schemas</c>, compiled.</summary>
    public JsonSchema Schema(string name) =>
        Translator.Compile(JsonDocument.Parse($$"""{"$ref":"#/components/schemas/{{name}}"}""").RootElement);

    private static GitHubDescription? Load()
    {
        if (ConformanceCorpus.Find("github/rest/api.github.com.json") is not { } file)
        {
            return null;
        }

        var document = JsonDocument.Parse(File.ReadAllBytes(file));
        return new GitHubDescription(document, new SchemaTranslator(document.RootElement, "#/components/schemas/", objectMeansAny: false));
    }

    private DescribedOperation Operation(JsonElement root, string template, string method, JsonElement operation, List<JsonElement> shared)
    {
        var parameters = shared.Concat(operation.TryGetProperty("parameters", out var p) ? p.EnumerateArray() : []).Select(x => Resolve(root, x)).ToList();
        var query = parameters.Where(x => DescribedOperation.StringOf(x, "in") == "query")
            .ToDictionary(x => DescribedOperation.StringOf(x, "name"), x => Lazy(x.GetProperty("schema")), StringComparer.Ordinal);
        Lazy<JsonSchema>? body = null;
        var required = false;
        if (operation.TryGetProperty("requestBody", out var requestBody))
        {
            requestBody = Resolve(root, requestBody);
            required = requestBody.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.True;
            if (requestBody.GetProperty("content").TryGetProperty("application/json", out var json) && json.TryGetProperty("schema", out var schema))
            {
                body = Lazy(schema);
            }
        }

        var responses = new Dictionary<string, IReadOnlyDictionary<string, Lazy<JsonSchema>?>>(StringComparer.Ordinal);
        foreach (var response in operation.GetProperty("responses").EnumerateObject())
        {
            var resolved = Resolve(root, response.Value);
            var media = new Dictionary<string, Lazy<JsonSchema>?>(StringComparer.OrdinalIgnoreCase);
            if (resolved.TryGetProperty("content", out var content))
            {
                foreach (var type in content.EnumerateObject())
                {
                    media[type.Name] = type.Value.TryGetProperty("schema", out var schema) ? Lazy(schema) : null;
                }
            }

            responses[response.Name] = media;
        }

        return new DescribedOperation(DescribedOperation.StringOf(operation, "operationId"), method, template, DescribedOperation.StringOf(operation, "description"), query, body, required, responses);
    }

    private Lazy<JsonSchema> Lazy(JsonElement schema) => new(() => Translator.Compile(schema));

    /// <summary>Follows a <c>$ref</c> to <c>#/components/parameters|responses|requestBodies/…</c>.</summary>
    private static JsonElement Resolve(JsonElement root, JsonElement element)
    {
        while (element.TryGetProperty("$ref", out var reference) && reference.GetString() is { } pointer && pointer.StartsWith("#/components/", StringComparison.Ordinal)
            && !pointer.StartsWith("#/components/schemas/", StringComparison.Ordinal))
        {
            element = root;
            foreach (var segment in pointer[2..].Split('/'))
            {
                element = element.GetProperty(segment);
            }
        }

        return element;
    }
}
