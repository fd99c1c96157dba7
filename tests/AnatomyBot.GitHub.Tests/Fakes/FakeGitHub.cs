using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AnatomyBot.GitHub.Tests.Fakes;

/// <summary>An in-memory GitHub REST API for one test: just the routes the bot uses, with state (comments, labels, check
/// runs) that writes change, so a second delivery sees the first one's result. Any other request is recorded as
/// unmatched and answered 501, and <see cref="Unmatched"/> must stay empty.</summary>
public sealed partial class FakeGitHub : HttpMessageHandler
{
    public const string BaseUrl = "https://api.github.test/";
    private readonly Lock _gate = new();
    private long _nextId = 1000;
    private string? _authorization;
    private string _query = "";

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Requests answered 304 Not Modified.</summary>
    public int NotModified { get; private set; }


    public ConcurrentQueue<RecordedRequest> Unmatched { get; } = new();

    public Dictionary<int, JsonObject> Pulls { get; } = [];

    public Dictionary<int, JsonObject> Issues { get; } = [];

    /// <summary>Issue numbers answered 410 Gone (deleted issues).</summary>
    public HashSet<int> Deleted { get; } = [];

    public Dictionary<int, List<JsonObject>> Comments { get; } = [];

    public Dictionary<int, List<string>> IssueLabels { get; } = [];

    public HashSet<string> RepoLabels { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<JsonObject> CheckRuns { get; } = [];

    public Dictionary<int, List<int>> CrossReferences { get; } = [];

    /// <summary>Anatomy text by <c>owner/repo</c>.</summary>
    public Dictionary<string, string> Anatomy { get; } = [];

    /// <summary>Status to answer for a "METHOD path" instead of the normal answer (fault injection).</summary>
    public Dictionary<string, (HttpStatusCode Status, Dictionary<string, string> Headers)> Faults { get; } = [];

    public IEnumerable<RecordedRequest> Writes => Requests.Where(r => r.IsWrite);

    /// <summary>Called with the issue number just before a comment is created: another process creating its own
    /// comment at that moment (the race the per-process write lock cannot see).</summary>
    public Action<int>? BeforeCommentCreated { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var path = request.RequestUri!.PathAndQuery.TrimStart('/');
        var recorded = new RecordedRequest(request.Method.Method, path, body);
        Requests.Enqueue(recorded);
        if (Faults.TryGetValue(recorded.ToString(), out var fault))
        {
            var faulted = new HttpResponseMessage(fault.Status) { Content = Json(new JsonObject { ["message"] = "fault" }) };
            foreach (var (k, v) in fault.Headers)
            {
                faulted.Headers.TryAddWithoutValidation(k, v);
            }

            return faulted;
        }

        lock (_gate)
        {
            _authorization = request.Headers.Authorization?.ToString();
            _query = request.RequestUri.Query;
            var response = Route(request.Method.Method, request.RequestUri.AbsolutePath.TrimStart('/'), body);
            if (response is { StatusCode: HttpStatusCode.OK } && path.Contains("/contents/", StringComparison.Ordinal))
            {
                var etag = $"\"{Anatomy.GetValueOrDefault(ContentsRepo(path))?.GetHashCode(StringComparison.Ordinal)}\"";
                if (request.Headers.IfNoneMatch.Any(t => t.Tag == etag))
                {
                    response.Dispose();
                    NotModified++;
                    return new HttpResponseMessage(HttpStatusCode.NotModified);
                }

                response.Headers.ETag = new System.Net.Http.Headers.EntityTagHeaderValue(etag);
            }

            if (response is null)
            {
                Unmatched.Enqueue(recorded);
                return new HttpResponseMessage(HttpStatusCode.NotImplemented) { Content = Json(new JsonObject { ["message"] = "unmatched" }) };
            }

            return response;
        }
    }

    /// <summary>Installation tokens minted (<c>POST app/installations/{id}/access_tokens</c>), with the Authorization
    /// header each mint request carried.</summary>
    public List<string?> TokenMints { get; } = [];

    /// <summary>Authorization header of every repository request.</summary>
    public ConcurrentQueue<string?> Authorizations { get; } = new();

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>App installations: id → the repositories (<c>owner/name</c>) each is installed on.</summary>
    public Dictionary<long, List<string>> Installations { get; } = [];

    /// <summary>Minted token → its installation.</summary>
    private Dictionary<string, long> TokenInstallations { get; } = [];

    public DateTimeOffset Now { get; set; } = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private HttpResponseMessage? Route(string method, string path, string? body)
    {
        if (method == "POST" && Regex.Match(path, @"^app/installations/(\d+)/access_tokens$") is { Success: true })
        {
            TokenMints.Add(_authorization);
            TokenInstallations[$"inst-token-{TokenMints.Count}"] = long.Parse(path.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);
            return Created(new JsonObject { ["token"] = $"inst-token-{TokenMints.Count}", ["expires_at"] = (Now + TokenLifetime).ToString("O") });
        }

        if (method == "GET" && path == "app/installations")
        {
            return Ok(new JsonArray([.. Installations.Keys.Select(id => (JsonNode)new JsonObject { ["id"] = id, ["account"] = new JsonObject { ["login"] = "acme" } })]));
        }

        Authorizations.Enqueue(_authorization);
        if (method == "GET" && path == "installation/repositories")
        {
            var token = _authorization?.Replace("Token ", "", StringComparison.Ordinal);
            var installation = TokenInstallations.GetValueOrDefault(token ?? "");
            var repositories = Installations.GetValueOrDefault(installation, []);
            return Ok(new JsonObject
            {
                ["total_count"] = repositories.Count,
                ["repositories"] = new JsonArray([.. repositories.Select(r => (JsonNode)new JsonObject
                {
                    ["name"] = r.Split('/')[1], ["full_name"] = r, ["owner"] = new JsonObject { ["login"] = r.Split('/')[0] },
                })]),
            });
        }

        var m = Api().Match(path);
        if (!m.Success)
        {
            return null;
        }

        var rest = m.Groups["rest"].Value;
        var repo = $"{m.Groups["owner"].Value}/{m.Groups["repo"].Value}";
        return (method, rest) switch
        {
            ("GET", _) when rest.StartsWith("contents/", StringComparison.Ordinal) => Contents(repo),
            ("GET", "issues") => OpenItemsPage(repo),
            ("GET", "pulls") => Ok(new JsonArray([.. Pulls.Values.Where(p => (string?)p["state"] == "open").Select(p => p.DeepClone())])),
            ("GET", _) when Num(rest, @"^pulls/(\d+)$") is { } n => Pulls.TryGetValue(n, out var pr) ? Ok(pr.DeepClone()) : NotFound(),
            ("GET", _) when Num(rest, @"^pulls/(\d+)/files$") is { } n => Ok(new JsonArray()),
            ("GET", _) when Num(rest, @"^issues/(\d+)$") is { } n => Deleted.Contains(n) ? Status(HttpStatusCode.Gone)
                : Issues.TryGetValue(n, out var issue) ? Ok(WithLabels(issue, n)) : NotFound(),
            ("GET", _) when Num(rest, @"^issues/(\d+)/parent$") is { } n => NotFound(),
            ("GET", _) when Num(rest, @"^issues/(\d+)/timeline$") is { } n => Deleted.Contains(n) ? Status(HttpStatusCode.Gone) : Ok(Timeline(repo, n)),
            ("GET", _) when Num(rest, @"^issues/(\d+)/comments$") is { } n => Ok(new JsonArray([.. CommentsOf(n).Select(c => c.DeepClone())])),
            ("POST", _) when Num(rest, @"^issues/(\d+)/comments$") is { } n => Created(CreateComment(n, body!)),
            ("PATCH", _) when Num(rest, @"^issues/comments/(\d+)$") is { } id => UpdateComment(id, body!),
            ("DELETE", _) when Num(rest, @"^issues/comments/(\d+)$") is { } id => DeleteComment(id),
            ("POST", "labels") => CreateLabel(body!),
            ("POST", _) when Num(rest, @"^issues/(\d+)/labels$") is { } n => AddLabels(n, body!),
            ("DELETE", _) when Num(rest, @"^issues/(\d+)/labels/.+$") is { } n => RemoveLabel(n, Uri.UnescapeDataString(rest[(rest.LastIndexOf('/') + 1)..])),
            ("GET", _) when rest.StartsWith("commits/", StringComparison.Ordinal) && rest.EndsWith("/check-runs", StringComparison.Ordinal) =>
                Ok(CheckRunsFor(rest.Split('/')[1])),
            ("POST", "check-runs") => Created(AddCheckRun(body!)),
            ("PATCH", _) when Num(rest, @"^check-runs/(\d+)$") is { } id => UpdateCheckRun(id, body!),
            _ => null,
        };
    }

    /// <summary><c>GET /repos/{owner}/{repo}/issues?state=open</c>: open issues and pull requests (the latter with a
    /// <c>pull_request</c> key) by number, <c>per_page</c> at a time, with GitHub's <c>Link: rel="next"</c> to the next page.</summary>
    private HttpResponseMessage OpenItemsPage(string repo)
    {
        var query = System.Web.HttpUtility.ParseQueryString(_query);
        var perPage = int.TryParse(query["per_page"], out var size) ? size : 30;
        var page = int.TryParse(query["page"], out var number) ? number : 1;
        var open = Issues.Where(i => (string?)i.Value["state"] == "open").Select(i => (i.Key, Json: WithLabels(i.Value, i.Key)))
            .Concat(Pulls.Where(p => (string?)p.Value["state"] == "open").Select(p => (p.Key, Json: AsIssue(p.Value))))
            .OrderBy(i => i.Key)
            .ToList();
        var response = Ok(new JsonArray([.. open.Skip((page - 1) * perPage).Take(perPage).Select(i => (JsonNode)i.Json)]));
        if (page * perPage < open.Count)
        {
            response.Headers.TryAddWithoutValidation("Link", $"<{BaseUrl}repos/{repo}/issues?state=open&per_page={perPage}&page={page + 1}>; rel=\"next\"");
        }

        return response;
    }

    private static JsonObject AsIssue(JsonObject pull)
    {
        var issue = (JsonObject)pull.DeepClone();
        issue.Remove("head");
        issue.Remove("base");
        issue["pull_request"] = new JsonObject { ["url"] = (string?)pull["html_url"] };
        return issue;
    }

    private static string ContentsRepo(string path) => string.Join('/', path.Split('/')[1..3]);

    private HttpResponseMessage Contents(string repo) => Anatomy.TryGetValue(repo, out var text)
        ? Ok(new JsonObject
        {
            ["type"] = "file", ["encoding"] = "base64", ["name"] = "anatomy.yml", ["path"] = ".github/anatomy.yml",
            ["sha"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text))),
            ["size"] = text.Length, ["content"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(text)),
        })
        : NotFound();

    private JsonObject WithLabels(JsonObject issue, int n)
    {
        var copy = (JsonObject)issue.DeepClone();
        copy["labels"] = new JsonArray([.. (IssueLabels.TryGetValue(n, out var l) ? l : []).Select(x => (JsonNode)new JsonObject { ["name"] = x })]);
        return copy;
    }

    public JsonObject PullJson(int n) => Pulls[n];

    private List<JsonObject> CommentsOf(int n) => Comments.TryGetValue(n, out var list) ? list : Comments[n] = [];

    private JsonObject CreateComment(int n, string body)
    {
        BeforeCommentCreated?.Invoke(n);
        return AddComment(n, body);
    }

    /// <summary>Adds a comment by the bot as if the API had created it from <paramref name="body"/> (the request's JSON,
    /// <c>{"body": …}</c>); tests add one for another process this way.</summary>
    public JsonObject AddComment(int n, string body)
    {
        var comment = new JsonObject { ["id"] = _nextId++, ["body"] = Field(body, "body"), ["user"] = new JsonObject { ["login"] = "anatomybot[bot]" }, ["created_at"] = "2026-11-25T10:00:00Z" };
        CommentsOf(n).Add(comment);
        return comment;
    }

    private HttpResponseMessage DeleteComment(long id)
    {
        foreach (var list in Comments.Values)
        {
            if (list.RemoveAll(c => (long)c["id"]! == id) > 0)
            {
                return Status(HttpStatusCode.NoContent);
            }
        }

        return NotFound();
    }

    private HttpResponseMessage UpdateComment(long id, string body)
    {
        var comment = Comments.Values.SelectMany(c => c).FirstOrDefault(c => (long)c["id"]! == id);
        if (comment is null)
        {
            return NotFound();
        }

        comment["body"] = Field(body, "body");
        return Ok(comment.DeepClone());
    }

    private HttpResponseMessage CreateLabel(string body)
    {
        var name = Field(body, "name")!;
        return RepoLabels.Add(name) ? Created(new JsonObject { ["name"] = name, ["color"] = Field(body, "color") })
            : new HttpResponseMessage(HttpStatusCode.UnprocessableEntity) { Content = Json(new JsonObject { ["message"] = "Validation Failed", ["errors"] = new JsonArray(new JsonObject { ["code"] = "already_exists" }) }) };
    }

    private HttpResponseMessage AddLabels(int n, string body)
    {
        var list = IssueLabels.TryGetValue(n, out var l) ? l : IssueLabels[n] = [];
        list.AddRange(JsonNode.Parse(body)!.AsArray().Select(x => (string)x!).Where(x => !list.Contains(x)));
        SyncPullLabels(n, list);
        return Ok(new JsonArray([.. list.Select(x => (JsonNode)new JsonObject { ["name"] = x })]));
    }

    private HttpResponseMessage RemoveLabel(int n, string name)
    {
        if (!IssueLabels.TryGetValue(n, out var list) || !list.Remove(name))
        {
            return NotFound();
        }

        SyncPullLabels(n, list);
        return Ok(new JsonArray());
    }

    private void SyncPullLabels(int n, List<string> list)
    {
        if (Pulls.TryGetValue(n, out var pr))
        {
            pr["labels"] = new JsonArray([.. list.Select(x => (JsonNode)new JsonObject { ["name"] = x })]);
        }
    }

    private JsonObject CheckRunsFor(string sha)
    {
        var runs = CheckRuns.Where(r => (string?)r["head_sha"] == sha).Reverse().Select(r => r.DeepClone()).ToArray();
        return new JsonObject { ["total_count"] = runs.Length, ["check_runs"] = new JsonArray(runs) };
    }

    private JsonObject AddCheckRun(string body)
    {
        var run = JsonNode.Parse(body)!.AsObject();
        run["id"] = _nextId++;
        CheckRuns.Add(run);
        return (JsonObject)run.DeepClone();
    }

    private HttpResponseMessage UpdateCheckRun(long id, string body)
    {
        var run = CheckRuns.FirstOrDefault(r => (long)r["id"]! == id);
        if (run is null)
        {
            return NotFound();
        }

        foreach (var (k, v) in JsonNode.Parse(body)!.AsObject())
        {
            run[k] = v?.DeepClone();
        }

        return Ok(run.DeepClone());
    }

    private JsonArray Timeline(string repo, int n) => new([.. (CrossReferences.TryGetValue(n, out var prs) ? prs : []).Select(pr => (JsonNode)new JsonObject
    {
        ["event"] = "cross-referenced",
        ["source"] = new JsonObject
        {
            ["type"] = "issue",
            ["issue"] = new JsonObject
            {
                ["number"] = pr, ["state"] = "open", ["html_url"] = $"https://github.test/{repo}/pull/{pr}",
                ["pull_request"] = new JsonObject { ["url"] = $"{BaseUrl}repos/{repo}/pulls/{pr}" },
            },
        },
    })]);

    private static string? Field(string body, string name) => (string?)JsonNode.Parse(body)![name];

    private static int? Num(string rest, string pattern) =>
        Regex.Match(rest, pattern) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;

    private static HttpResponseMessage Ok(JsonNode node) => new(HttpStatusCode.OK) { Content = Json(node) };

    private static HttpResponseMessage Created(JsonNode node) => new(HttpStatusCode.Created) { Content = Json(node) };

    private static HttpResponseMessage NotFound() => Status(HttpStatusCode.NotFound);

    private static HttpResponseMessage Status(HttpStatusCode status) => new(status) { Content = Json(new JsonObject { ["message"] = status.ToString() }) };

    private static StringContent Json(JsonNode node) => new(node.ToJsonString(), Encoding.UTF8, "application/json");

    [GeneratedRegex(@"^repos/(?<owner>[^/]+)/(?<repo>[^/]+)/(?<rest>.+)$")]
    private static partial Regex Api();
}
