using System.Globalization;
using System.Text.Json.Nodes;
using AnatomyBot.Fakes;
using Json.Schema;

namespace AnatomyBot.Testing.Conformance;

/// <summary>Holds every exchange with a fake to the platform's published description: the route is an operation of it,
/// every query parameter sent is one it documents (with a valid value), the request body validates against the
/// operation's body schema, and the answer's status is documented with a body that validates against its schema (or is
/// a generic error the platform can give on any operation). Attach with <see cref="Attach"/>; test harnesses call
/// <see cref="AssertConforms"/> when disposed.</summary>
internal sealed class ExchangeValidator
{
    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };
    private readonly Func<FakeExchange, DescribedOperation?> _find;
    private readonly Func<FakeExchange, string?> _genericError;
    private readonly bool _azureDevOps;
    private readonly List<string> _violations = [];

    /// <param name="find">The described operation of an exchange's route.</param>
    /// <param name="genericError">Whether an undocumented status is an error the platform gives anywhere (null) or a problem.</param>
    /// <param name="azureDevOps">Azure DevOps' conventions: a list answer described as an array comes as
    /// <c>{"count", "value"}</c>, and an answer described without a schema may still have a body.</param>
    private ExchangeValidator(Func<FakeExchange, DescribedOperation?> find, Func<FakeExchange, string?> genericError, bool azureDevOps)
    {
        _find = find;
        _genericError = genericError;
        _azureDevOps = azureDevOps;
    }

    /// <summary>How many exchanges were checked.</summary>
    public int Checked { get; private set; }

    public IReadOnlyList<string> Violations
    {
        get
        {
            lock (_violations)
            {
                return [.. _violations];
            }
        }
    }

    /// <summary>A validator for the GitHub fake, or null when the corpus is not in this checkout.</summary>
    public static ExchangeValidator? ForGitHub() => GitHubDescription.Current is { } github
        ? new ExchangeValidator(e => github.Find(e.Route.Method.Method, e.Route.Template.Text), e => GitHubGenericError(github, e), azureDevOps: false)
        : null;

    /// <summary>A validator for the Azure DevOps fake, or null when the corpus is not in this checkout.</summary>
    public static ExchangeValidator? ForAzureDevOps() => AzureDevOpsDescription.Current is { } ado
        ? new ExchangeValidator(e => ado.Find(e.Route.Method.Method, e.Route.Template.Text, [.. e.Query.Keys]), AzureDevOpsGenericError, azureDevOps: true)
        : null;

    /// <summary>Observes every exchange of <paramref name="fake"/> from now on.</summary>
    public ExchangeValidator Attach(FakeApi fake)
    {
        ArgumentNullException.ThrowIfNull(fake);
        var previous = fake.Observer;
        fake.Observer = exchange =>
        {
            previous?.Invoke(exchange);
            Check(exchange);
        };
        return this;
    }

    public void AssertConforms()
    {
        var violations = Violations;
        if (violations.Count > 0)
        {
            throw new InvalidOperationException($"{violations.Count} exchange(s) with the fake do not conform to the platform's API description:\n" + string.Join("\n", violations));
        }
    }

    public void Check(FakeExchange exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var problems = new List<string>();
        if (_find(exchange) is not { } operation)
        {
            problems.Add("the route is no operation of the description");
        }
        else
        {
            CheckQuery(exchange, operation, problems);
            CheckBody(exchange, operation, problems);
            CheckAnswer(exchange, operation, problems);
        }

        lock (_violations)
        {
            Checked++;
            _violations.AddRange(problems.Select(p => $"{exchange.Request} → {(int)exchange.Status} ({exchange.Route}): {p}"));
        }
    }

    private static void CheckQuery(FakeExchange exchange, DescribedOperation operation, List<string> problems)
    {
        foreach (var (name, value) in exchange.Query)
        {
            if (!operation.Query.TryGetValue(name, out var schema))
            {
                problems.Add($"query parameter '{name}' is not documented for {operation.Id}");
                continue;
            }

            var instance = long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? (JsonNode)number
                : bool.TryParse(value, out var flag) ? flag : (JsonNode)value;
            if (!Valid(schema.Value, instance) && !Valid(schema.Value, JsonValue.Create(value)))
            {
                problems.Add($"query parameter '{name}={value}' does not validate: {Errors(schema.Value, instance)}");
            }
        }
    }

    private static void CheckBody(FakeExchange exchange, DescribedOperation operation, List<string> problems)
    {
        var body = exchange.Request.Body;
        if (body.Length == 0)
        {
            if (operation.RequestBodyRequired)
            {
                problems.Add("the operation requires a request body; none was sent");
            }

            return;
        }

        if (operation.RequestBody is not { } schema)
        {
            problems.Add("a request body was sent to an operation that takes none (or none in JSON)");
            return;
        }

        var json = JsonNode.Parse(body);
        if (!Valid(schema.Value, json))
        {
            problems.Add("the request body does not validate: " + Errors(schema.Value, json));
        }
    }

    private void CheckAnswer(FakeExchange exchange, DescribedOperation operation, List<string> problems)
    {
        var status = ((int)exchange.Status).ToString(CultureInfo.InvariantCulture);
        if (!operation.Responses.TryGetValue(status, out var media) && !operation.Responses.TryGetValue("default", out media))
        {
            if (_genericError(exchange) is { } problem)
            {
                problems.Add(problem);
            }

            return;
        }

        var body = exchange.ResponseBody ?? "";
        if (media.Count == 0)
        {
            if (body.Length > 0 && !_azureDevOps)
            {
                problems.Add($"status {status} is documented without content, but the answer has a body");
            }

            return;
        }

        var type = exchange.ContentType ?? "";
        if (!media.TryGetValue(type, out var schema))
        {
            if (!operation.Text.Contains(type, StringComparison.OrdinalIgnoreCase) || type.Length == 0)
            {
                problems.Add($"media type '{type}' is not documented for status {status} (documented: {string.Join(", ", media.Keys)})");
            }

            return;
        }

        if (schema is null)
        {
            return;
        }

        var json = body.Length == 0 ? null : JsonNode.Parse(body);
        if (_azureDevOps && json is JsonObject envelope && envelope.ContainsKey("value") && envelope.ContainsKey("count") && !Valid(schema.Value, json))
        {
            // Azure DevOps describes a list answer as an array and sends it as {"count": n, "value": [...]}.
            json = envelope["value"];
            if (json is JsonArray items && OmitsErrors(exchange))
            {
                // errorPolicy "omit": an item that cannot be read is null in its place (Swagger 2.0 cannot say so).
                json = new JsonArray([.. items.Where(i => i is not null).Select(i => i!.DeepClone())]);
            }
        }

        if (!Valid(schema.Value, json))
        {
            problems.Add($"the answer does not validate against the schema for {status}: {Errors(schema.Value, json)}");
        }
    }

    private static bool OmitsErrors(FakeExchange exchange) =>
        exchange.Request.Body.Length > 0 && JsonNode.Parse(exchange.Request.Body) is JsonObject body
        && string.Equals((string?)body["errorPolicy"], "omit", StringComparison.OrdinalIgnoreCase);

    /// <summary>GitHub answers 401, 403, 404, 410, 422, 429 and 5xx on operations whose description does not list them, with
    /// its <c>basic-error</c> (or <c>validation-error</c>) body; any other undocumented status is a violation.</summary>
    private static string? GitHubGenericError(GitHubDescription github, FakeExchange exchange)
    {
        var status = (int)exchange.Status;
        if (status is not (401 or 403 or 404 or 410 or 422 or 429) && status < 500)
        {
            return $"status {status} is not documented for {exchange.Route}";
        }

        var json = string.IsNullOrEmpty(exchange.ResponseBody) ? null : JsonNode.Parse(exchange.ResponseBody);
        var schema = github.Schema(status == 422 ? "validation-error" : "basic-error");
        return Valid(schema, json) ? null : $"the {status} answer is not GitHub's error shape: {Errors(schema, json)}";
    }

    /// <summary>The specifications document only 200: Azure DevOps' errors (400, 401, 403, 404, 409, 412, 429, 5xx) carry
    /// a JSON body with a <c>message</c>; any other undocumented status is a violation.</summary>
    private static string? AzureDevOpsGenericError(FakeExchange exchange)
    {
        var status = (int)exchange.Status;
        if (status is not (400 or 401 or 403 or 404 or 409 or 412 or 429) && status < 500)
        {
            return $"status {status} is not documented for {exchange.Route}";
        }

        return JsonNode.Parse(exchange.ResponseBody is { Length: > 0 } body ? body : "null") is JsonObject error && error["message"] is JsonValue
            ? null
            : $"the {status} answer has no JSON error body with a message";
    }

    private static bool Valid(JsonSchema schema, JsonNode? instance) => schema.Evaluate(instance, Options).IsValid;

    private static string Errors(JsonSchema schema, JsonNode? instance)
    {
        var results = schema.Evaluate(instance, Options);
        var errors = results.Details.Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {e.Key}: {e.Value}"));
        return string.Join("; ", errors.Distinct().Take(8));
    }
}
