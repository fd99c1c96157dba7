using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AnatomyBot.Fakes.AzureDevOps;

/// <summary>Work items: read one or a batch, the JSON Patch tag write (guarded by <c>test /rev</c>), and WIQL.</summary>
public sealed partial class FakeAzureDevOps
{
    private const int MaxBatch = 200;
    private static readonly string[] BacklogTypes = ["Epic", "Feature", "User Story", "Product Backlog Item", "Requirement"];
    private static readonly string[] ClosedStates = ["Closed", "Done", "Removed", "Resolved", "Completed"];

    private void MapWorkItems()
    {
        MapApi(HttpMethod.Post, "wit/workitemsbatch", r =>
        {
            var ids = (r.Json?["ids"] as JsonArray ?? []).Select(n => (int)n!).ToList();
            return ids.Count > MaxBatch
                ? Error(HttpStatusCode.BadRequest, $"VS402337: The number of work items requested exceeds the limit of {MaxBatch}.")
                : FakeResponse.Json(FakeAzureDevOpsJson.Envelope(ids.Select(id => WorkItems.TryGetValue(id, out var w) ? (JsonNode)WorkItemJson(w) : null)));
        }, isRead: true);
        MapApi(HttpMethod.Get, "wit/workitems/{id}", r => WithWorkItem(r, item => FakeResponse.Json(WorkItemJson(item))));
        MapApi(HttpMethod.Patch, "wit/workitems/{id}", r => WithWorkItem(r, item => Patch(item, r.Json as JsonArray ?? [])));
        MapApi(HttpMethod.Post, "wit/wiql", Wiql, isRead: true);
        MapApi(HttpMethod.Get, "wit/workitemtypes/{type}/states", r =>
            TypeStates.TryGetValue(r.Route("type"), out var states)
                ? FakeResponse.Json(FakeAzureDevOpsJson.Envelope(states.Select(s => (JsonNode)new JsonObject { ["name"] = s.Name, ["color"] = "b2b2b2", ["category"] = s.Category })))
                : Error(HttpStatusCode.NotFound, $"VS402323: Work item type {r.Route("type")} does not exist."), isRead: true);
    }

    /// <summary>Each work item type's states and their categories (<c>Proposed</c>, <c>InProgress</c>, <c>Resolved</c>,
    /// <c>Completed</c>, <c>Removed</c>), as the Agile process has them; a test may add or change a type's.</summary>
    public Dictionary<string, List<(string Name, string Category)>> TypeStates { get; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Epic"] = AgileStates(),
        ["Feature"] = AgileStates(),
        ["User Story"] = AgileStates(),
        ["Task"] = [("New", "Proposed"), ("Active", "InProgress"), ("Closed", "Completed"), ("Removed", "Removed")],
    };

    private static List<(string Name, string Category)> AgileStates() =>
        [("New", "Proposed"), ("Active", "InProgress"), ("Resolved", "Resolved"), ("Closed", "Completed"), ("Removed", "Removed")];

    private FakeResponse WithWorkItem(FakeRequest request, Func<FakeWorkItem, FakeResponse> answer) =>
        request.Number("id") is { } id && WorkItems.TryGetValue((int)id, out var item)
            ? answer(item)
            : Error(HttpStatusCode.NotFound, $"TF401232: Work item {request.Route("id")} does not exist, or you do not have permissions to read it.");

    private FakeResponse Patch(FakeWorkItem item, JsonArray patch)
    {
        if (patch.Any(op => (string?)op?["op"] == "test" && (string?)op["path"] == "/rev" && (int?)op["value"] != item.Rev))
        {
            return Error(HttpStatusCode.PreconditionFailed, $"VS403351: The work item {item.Id} has changed since it was read (revision {item.Rev}).");
        }

        foreach (var op in patch.Where(op => (string?)op?["op"] is "add" or "replace" && (string?)op["path"] == "/fields/System.Tags"))
        {
            item.Tags = (string?)op!["value"];
        }

        item.Rev++;
        return FakeResponse.Json(WorkItemJson(item));
    }

    /// <summary>WIQL: the route project's (<c>@project</c>) open backlog items (by the query's per-type clauses
    /// <c>([System.WorkItemType] = 'T' AND [System.State] NOT IN (...))</c> when it has them) after <c>[System.Id] &gt; N</c>, by id, <c>$top</c> at most; the
    /// query text itself is pinned by the tests, not interpreted further here.</summary>
    private FakeResponse Wiql(FakeRequest request)
    {
        var wiql = (string?)request.Json?["query"] ?? "";
        var bound = IdBound().Match(wiql);
        var after = bound.Success ? int.Parse(bound.Groups["after"].Value, CultureInfo.InvariantCulture) : 0;
        var top = request.QueryNumber("$top") ?? 20_000;
        var project = ProjectName(request.Route("project"));
        var byType = TypeClause().Matches(wiql).ToDictionary(
            m => m.Groups["type"].Value.Replace("''", "'", StringComparison.Ordinal),
            m => m.Groups["states"].Success ? StateList().Matches(m.Groups["states"].Value).Select(s => s.Groups["state"].Value.Replace("''", "'", StringComparison.Ordinal)).ToList() : [],
            StringComparer.OrdinalIgnoreCase);
        bool Open(FakeWorkItem w) => byType.Count > 0
            ? byType.TryGetValue(w.Type, out var closed) && !closed.Contains(w.State, StringComparer.OrdinalIgnoreCase)
            : BacklogTypes.Contains(w.Type) && !ClosedStates.Contains(w.State);
        var ids = WorkItems.Values
            .Where(w => w.Id > after && string.Equals(w.Project ?? Project, project, StringComparison.OrdinalIgnoreCase) && Open(w))
            .Select(w => w.Id).Take(top);
        return FakeResponse.Json(new JsonObject
        {
            ["queryType"] = "flat",
            ["queryResultType"] = "workItem",
            ["asOf"] = "2026-11-25T12:00:00Z",
            ["columns"] = new JsonArray(new JsonObject { ["referenceName"] = "System.Id", ["name"] = "ID", ["url"] = $"{Api}_apis/wit/fields/System.Id" }),
            ["workItems"] = new JsonArray([.. ids.Select(id => (JsonNode)new JsonObject { ["id"] = id, ["url"] = WorkItemUrl(id) })]),
        });
    }

    /// <summary>The work item as the REST API (and service hook payloads) show it.</summary>
    public JsonObject WorkItemJson(FakeWorkItem item) =>
        FakeAzureDevOpsJson.WorkItem(item, item.Project ?? Project, WorkItemUrl, [.. WorkItems.Values.Where(w => w.Parent == item.Id).Select(w => w.Id)], Api);

    private string WorkItemUrl(int id) => string.Create(CultureInfo.InvariantCulture, $"{Api}{ProjectId}/_apis/wit/workItems/{id}");

    [GeneratedRegex(@"\[System\.Id\] > (?<after>\d+)")]
    private static partial Regex IdBound();

    [GeneratedRegex(@"\(\[System\.WorkItemType\] = '(?<type>(?:[^']|'')*)'(?: AND \[System\.State\] NOT IN \((?<states>(?:[^')]|'(?:[^']|'')*')*)\))?\)")]
    private static partial Regex TypeClause();

    [GeneratedRegex(@"'(?<state>(?:[^']|'')*)'")]
    private static partial Regex StateList();
}
