using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AnatomyBot.AzureDevOps.Tests.Fakes;

/// <summary>The listing routes (WIQL, pull requests by project) and repository files, current or at a commit.</summary>
internal sealed partial class FakeAzureDevOps
{
    private static readonly string[] BacklogTypes = ["Epic", "Feature", "User Story", "Product Backlog Item", "Requirement"];
    private static readonly string[] ClosedStates = ["Closed", "Done", "Removed", "Resolved", "Completed"];

    /// <summary>Files as they are at a commit: <c>FilesAtCommit[commit][path]</c>.</summary>
    public Dictionary<string, Dictionary<string, string>> FilesAtCommit { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static string ObjectId(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..40];

    private HttpResponseMessage Item(Dictionary<string, string> query)
    {
        var path = query.GetValueOrDefault("path") ?? "";
        var files = query.GetValueOrDefault("versionDescriptor.versionType") == "commit"
            ? FilesAtCommit.GetValueOrDefault(query.GetValueOrDefault("versionDescriptor.version") ?? "") ?? []
            : Files;
        if (!files.TryGetValue(path, out var text))
        {
            return Status(HttpStatusCode.NotFound, "TF401174: item not found");
        }

        var item = new JsonObject { ["objectId"] = ObjectId(text), ["path"] = path, ["isFolder"] = false };
        if (query.GetValueOrDefault("includeContent") == "true")
        {
            item["content"] = text;
        }

        return Json(item);
    }

    /// <summary>WIQL: honours the project's open backlog items and the <c>[System.Id] &gt; N</c> bound and <c>$top</c>;
    /// the exact query text is asserted by the tests, not interpreted further here.</summary>
    private HttpResponseMessage? ListingRoute(HttpMethod method, string path, Dictionary<string, string> query, string body)
    {
        if (method == HttpMethod.Post && WiqlPath().IsMatch(path))
        {
            var wiql = (string)JsonNode.Parse(body)!["query"]!;
            var after = int.Parse(IdBound().Match(wiql).Groups["after"].Value, CultureInfo.InvariantCulture);
            var top = int.Parse(query["$top"], CultureInfo.InvariantCulture);
            var ids = WorkItems.Values
                .Where(w => w.Id > after && BacklogTypes.Contains(w.Type) && !ClosedStates.Contains(w.State))
                .Select(w => w.Id).Order().Take(top);
            return Json(new JsonObject
            {
                ["queryType"] = "flat",
                ["workItems"] = List(ids.Select(id => (JsonNode)new JsonObject { ["id"] = id, ["url"] = $"{Organization}_apis/wit/workItems/{id}" })),
            });
        }

        if (method == HttpMethod.Get && PullRequestsPath().IsMatch(path))
        {
            var status = query["searchCriteria.status"];
            var skip = int.Parse(query["$skip"], CultureInfo.InvariantCulture);
            var top = int.Parse(query["$top"], CultureInfo.InvariantCulture);
            return Json(Envelope(PullRequests.Where(p => p.Status == status).Skip(skip).Take(top).Select(p => (JsonNode)PullRequestJson(p))));
        }

        return null;
    }

    [GeneratedRegex(@"^[^/]+/_apis/wit/wiql$", RegexOptions.IgnoreCase)]
    private static partial Regex WiqlPath();

    [GeneratedRegex(@"\[System\.Id\] > (?<after>\d+)")]
    private static partial Regex IdBound();

    [GeneratedRegex(@"^[^/]+/_apis/git/pullrequests$", RegexOptions.IgnoreCase)]
    private static partial Regex PullRequestsPath();
}
