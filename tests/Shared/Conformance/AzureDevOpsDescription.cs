using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace AnatomyBot.Testing.Conformance;

/// <summary>The published Azure DevOps REST specifications (Swagger 2.0, api-version 7.1) for work item tracking, Git and
/// service hooks (<c>azure-devops/rest-specs/{wit,git,hooks}/7.1</c> in the conformance corpus), read once per test assembly: every operation
/// by method and path template, the template also without each optional segment (<c>x-ms-required: false</c>, e.g.
/// WIQL's <c>{team}</c>), with its query parameters, body schema and answer.</summary>
internal sealed class AzureDevOpsDescription
{
    private static readonly Lazy<AzureDevOpsDescription?> Instance = new(Load);
    private readonly List<(DescribedOperation Operation, string[] PathQuery, string[] RequiredQuery)> _operations = [];
    private readonly Dictionary<DescribedOperation, IReadOnlyList<string>> _apiVersions = [];

    private AzureDevOpsDescription(IEnumerable<JsonDocument> documents)
    {
        foreach (var document in documents)
        {
            var root = document.RootElement;
            var translator = new SchemaTranslator(root, "#/definitions/", objectMeansAny: true);
            var paths = root.GetProperty("paths").EnumerateObject()
                .Concat(root.TryGetProperty("x-ms-paths", out var extra) ? extra.EnumerateObject() : Enumerable.Empty<JsonProperty>());
            foreach (var path in paths)
            {
                var template = path.Name.Split('?')[0];
                string[] pathQuery = [.. path.Name.Contains('?', StringComparison.Ordinal)
                    ? path.Name.Split('?')[1].Split('&').Select(q => q.Split('=')[0]).Where(q => q.Length > 0)
                    : []];
                foreach (var method in path.Value.EnumerateObject().Where(m => m.Value.ValueKind == JsonValueKind.Object && m.Value.TryGetProperty("parameters", out _)))
                {
                    var versions = ApiVersions(root, method.Value);
                    string[] requiredQuery = [.. RequiredQuery(root, method.Value)];
                    foreach (var variant in Variants(template, method.Value))
                    {
                        var operation = Operation(root, translator, variant, method.Name.ToUpperInvariant(), method.Value);
                        _operations.Add((operation, pathQuery, requiredQuery));
                        _apiVersions[operation] = versions;
                    }
                }
            }
        }
    }

    /// <summary>The specifications, or null when the corpus is not in this checkout (throws under <c>CI=true</c>).</summary>
    public static AzureDevOpsDescription? Current => Instance.Value;

    public IEnumerable<DescribedOperation> Operations => _operations.Select(o => o.Operation);

    /// <summary>Every operation with this method and template (literal segments in any case).</summary>
    public IEnumerable<DescribedOperation> FindAll(string method, string template) =>
        _operations.Select(o => o.Operation).Where(o => string.Equals(o.Method, method, StringComparison.OrdinalIgnoreCase)
            && string.Equals(o.Template, template, StringComparison.OrdinalIgnoreCase));

    /// <summary>The api-versions an operation takes, as its <c>api-version</c> parameter says ("… set to '7.1' …").</summary>
    public IReadOnlyList<string> ApiVersionsOf(DescribedOperation operation) => _apiVersions.GetValueOrDefault(operation, []);

    /// <summary>The operation with this method and template (literal segments in any case); among operations sharing
    /// both, the one whose query parameters required in its path (<c>items?path=</c>, <c>comments?format=</c>) the request
    /// carries, and among those the one whose other required query parameters (a batch read's <c>ids</c>) it carries.</summary>
    public DescribedOperation? Find(string method, string template, IReadOnlyCollection<string>? query = null)
    {
        var candidates = _operations.Where(o => string.Equals(o.Operation.Method, method, StringComparison.OrdinalIgnoreCase)
            && string.Equals(o.Operation.Template, template, StringComparison.OrdinalIgnoreCase)).ToList();
        return (query is null ? candidates.FirstOrDefault() : candidates
            .OrderByDescending(c => c.PathQuery.Length)
            .ThenByDescending(c => c.RequiredQuery.All(query.Contains))
            .ThenByDescending(c => c.RequiredQuery.Length)
            .FirstOrDefault(c => c.PathQuery.All(query.Contains))).Operation;
    }

    private static AzureDevOpsDescription? Load()
    {
        if (ConformanceCorpus.Find("azure-devops/rest-specs") is not { } folder)
        {
            return null;
        }

        // The spec files start with a UTF-8 byte-order mark, which File.ReadAllText strips.
        return new AzureDevOpsDescription(new[] { "wit/7.1/workItemTracking.json", "git/7.1/git.json", "hooks/7.1/serviceHooks.json" }
            .Select(f => JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, f)))));
    }

    private static DescribedOperation Operation(JsonElement root, SchemaTranslator translator, string template, string method, JsonElement operation)
    {
        var parameters = operation.GetProperty("parameters").EnumerateArray().Select(p => Resolve(root, p)).ToList();
        var query = parameters.Where(p => DescribedOperation.StringOf(p, "in") == "query")
            .ToDictionary(p => DescribedOperation.StringOf(p, "name"), p => new Lazy<JsonSchema>(() => translator.Compile(Simple(p))), StringComparer.Ordinal);
        var body = parameters.FirstOrDefault(p => DescribedOperation.StringOf(p, "in") == "body");
        var responses = new Dictionary<string, IReadOnlyDictionary<string, Lazy<JsonSchema>?>>(StringComparer.Ordinal);
        foreach (var response in operation.GetProperty("responses").EnumerateObject())
        {
            responses[response.Name] = response.Value.TryGetProperty("schema", out var schema)
                ? new Dictionary<string, Lazy<JsonSchema>?> { ["application/json"] = new(() => translator.Compile(schema)) }
                : new Dictionary<string, Lazy<JsonSchema>?>();
        }

        return new DescribedOperation(
            DescribedOperation.StringOf(operation, "operationId"), method, template, DescribedOperation.StringOf(operation, "description"), query,
            body.ValueKind == JsonValueKind.Object ? new Lazy<JsonSchema>(() => translator.Compile(body.GetProperty("schema"))) : null,
            body.ValueKind == JsonValueKind.Object && body.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.True,
            responses);
    }

    /// <summary>Query parameters the operation requires, api-version aside (every operation takes one).</summary>
    private static IEnumerable<string> RequiredQuery(JsonElement root, JsonElement operation) =>
        operation.GetProperty("parameters").EnumerateArray().Select(p => Resolve(root, p))
            .Where(p => DescribedOperation.StringOf(p, "in") == "query" && p.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.True)
            .Select(p => DescribedOperation.StringOf(p, "name"))
            .Where(n => n != "api-version");

    private static List<string> ApiVersions(JsonElement root, JsonElement operation) =>
        [.. operation.GetProperty("parameters").EnumerateArray().Select(p => Resolve(root, p))
            .Where(p => DescribedOperation.StringOf(p, "name") == "api-version")
            .Select(p => DescribedOperation.StringOf(p, "description"))
            .Select(d => d.IndexOf("set to '", StringComparison.Ordinal) is var start and >= 0 ? d[(start + 8)..d.IndexOf('\'', start + 8)] : null)
            .OfType<string>()];

    /// <summary>A non-body parameter's own schema keywords (<c>type</c>, <c>format</c>, <c>enum</c>, …).</summary>
    private static JsonElement Simple(JsonElement parameter)
    {
        var schema = new JsonObject();
        foreach (var keyword in parameter.EnumerateObject().Where(k => k.Name is "type" or "format" or "enum" or "items" or "minimum" or "maximum"))
        {
            schema[keyword.Name] = JsonNode.Parse(keyword.Value.GetRawText());
        }

        return JsonDocument.Parse(schema.ToJsonString()).RootElement;
    }

    private static JsonElement Resolve(JsonElement root, JsonElement parameter) =>
        parameter.TryGetProperty("$ref", out var reference) && reference.GetString() is { } pointer && pointer.StartsWith("#/parameters/", StringComparison.Ordinal)
            ? root.GetProperty("parameters").GetProperty(pointer["#/parameters/".Length..])
            : parameter;

    /// <summary>The template as written, and without every combination of its optional path segments.</summary>
    private static IEnumerable<string> Variants(string template, JsonElement operation)
    {
        var optional = operation.GetProperty("parameters").EnumerateArray()
            .Where(p => DescribedOperation.StringOf(p, "in") == "path" && p.TryGetProperty("x-ms-required", out var r) && r.ValueKind == JsonValueKind.False)
            .Select(p => DescribedOperation.StringOf(p, "name")).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var mask = 0; mask < 1 << optional.Count; mask++)
        {
            var variant = template;
            for (var i = 0; i < optional.Count; i++)
            {
                if ((mask & (1 << i)) != 0)
                {
                    variant = variant.Replace("/{" + optional[i] + "}", "", StringComparison.Ordinal);
                }
            }

            if (seen.Add(variant))
            {
                yield return variant;
            }
        }
    }
}
