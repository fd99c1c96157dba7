using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace AnatomyBot.Fakes.GitHub;

/// <summary>An in-memory GitHub REST API (api.github.com, api version 2022-11-28): repositories with files, issues, pull
/// requests, comments, labels and check runs, and GitHub App installations with their tokens. It serves exactly the
/// operations the bot uses, each as GitHub's OpenAPI description defines it, with GitHub's answers (404, 410 Gone, 422
/// <c>already_exists</c>, <c>Link</c> pagination, ETag and 304). Writes change the state, so the next read sees them. Tests
/// use it as the GitHub client's primary handler; the demo serves it over loopback with <see cref="FakeApiServer"/>.</summary>
public sealed partial class FakeGitHub : FakeApi
{
    public static readonly Uri DefaultBaseUrl = new("https://api.github.test/");

    private readonly Dictionary<string, FakeGitHubRepository> _repositories = new(StringComparer.OrdinalIgnoreCase);
    private long _nextId = 1000;

    public FakeGitHub(Uri? baseUrl = null)
        : base(baseUrl ?? DefaultBaseUrl)
    {
        MapApps();
        MapContents();
        MapIssues();
        MapLabels();
        MapPulls();
        MapChecks();
        MapStatuses();
        MapSettings();
        MapPermissions();
    }

    /// <summary>Repositories by <c>owner/name</c>.</summary>
    public IReadOnlyDictionary<string, FakeGitHubRepository> Repositories => _repositories;

    /// <summary>Clock for new comments, check runs and token expiry.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>The login of the bot's account (the author of the comments it creates).</summary>
    public string BotLogin { get; set; } = "anatomybot[bot]";

    /// <summary>The GitHub App's slug (check runs' <c>app</c>, installations).</summary>
    public string AppSlug { get; set; } = "anatomybot";

    /// <summary>Whether issues carry <c>parent_issue_url</c> (api.github.com does; older GitHub Enterprise Server does not).</summary>
    public bool IssuesCarryParentUrl { get; set; } = true;

    /// <summary>Contents requests answered <c>304 Not Modified</c> (an <c>If-None-Match</c> that still holds).</summary>
    public int NotModified { get; private set; }

    /// <summary>Called under the lock just before a comment is created: another process creating its own comment at that
    /// moment (the race a per-process write lock cannot see).</summary>
    public Action<FakeGitHubRepository, FakeIssue>? BeforeCommentCreated { get; set; }

    /// <summary>The repository <c>owner/name</c>, created empty when it does not exist yet.</summary>
    public FakeGitHubRepository Repository(string owner, string name)
    {
        lock (Gate)
        {
            var key = $"{owner}/{name}";
            if (!_repositories.TryGetValue(key, out var repo))
            {
                repo = new FakeGitHubRepository(owner, name, 4242 + _repositories.Count);
                _repositories[key] = repo;
            }

            return repo;
        }
    }

    public FakeGitHubRepository? Find(string owner, string name)
    {
        lock (Gate)
        {
            return _repositories.GetValueOrDefault($"{owner}/{name}");
        }
    }

    public long NextId()
    {
        lock (Gate)
        {
            return _nextId++;
        }
    }

    /// <summary>Adds a comment as GitHub would have created it (another process's comment, a person's reply).</summary>
    public FakeIssueComment AddComment(FakeIssue issue, string body, string? author = null)
    {
        ArgumentNullException.ThrowIfNull(issue);
        lock (Gate)
        {
            var comment = new FakeIssueComment(NextId(), body, author ?? BotLogin, Clock.GetUtcNow());
            issue.Comments.Add(comment);
            return comment;
        }
    }

    /// <summary>What a person sees on an item: its labels, its comments and the latest check run on its head.</summary>
    public (IReadOnlyList<string> Labels, IReadOnlyList<FakeIssueComment> Comments, FakeCheckRun? Check) View(string owner, string name, int number)
    {
        lock (Gate)
        {
            var repo = _repositories[$"{owner}/{name}"];
            var issue = repo.Issues[number];
            var check = issue.IsPullRequest ? repo.CheckRuns.LastOrDefault(r => r.HeadSha == issue.HeadSha) : null;
            return ([.. issue.Labels], [.. issue.Comments], check);
        }
    }

    protected override IReadOnlyList<string> RouteSegments(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var path = uri.AbsolutePath[BaseUrl.AbsolutePath.TrimEnd('/').Length..];
        return path.Split('/', StringSplitOptions.RemoveEmptyEntries);
    }

    protected override HttpResponseMessage Fault(HttpStatusCode status, (string Name, string Value)[] headers)
    {
        var response = base.Fault(status, headers);
        response.Content = new StringContent(FakeGitHubJson.Error("injected " + (int)status, (int)status).ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        return response;
    }

    private string Api => BaseUrl.AbsoluteUri;

    private static FakeResponse NotFound() => FakeResponse.Json(FakeGitHubJson.Error("Not Found", 404), HttpStatusCode.NotFound);

    private static FakeResponse Created(JsonNode body) => FakeResponse.Json(body, HttpStatusCode.Created);

    private FakeResponse WithRepository(FakeRequest request, Func<FakeGitHubRepository, FakeResponse> answer) =>
        _repositories.TryGetValue($"{request.Route("owner")}/{request.Route("repo")}", out var repo) ? RefusedByToken(request, repo) ?? answer(repo) : NotFound();

    /// <summary>The issue or pull request <paramref name="parameter"/> names: 404 when there is none, 410 when it was deleted.</summary>
    private FakeResponse WithIssue(FakeRequest request, string parameter, Func<FakeGitHubRepository, FakeIssue, FakeResponse> answer) =>
        WithRepository(request, repo => request.Number(parameter) is { } number && repo.Issues.TryGetValue((int)number, out var issue)
            ? issue.Deleted ? FakeResponse.Json(FakeGitHubJson.Error("This issue was deleted", 410), HttpStatusCode.Gone) : answer(repo, issue)
            : NotFound());

    /// <summary>One page of a list, <c>per_page</c> (default 30, at most 100) from <c>page</c> (default 1), with GitHub's
    /// <c>Link</c> header naming the next and last pages when there are more.</summary>
    private static FakeResponse Page(FakeRequest request, List<JsonNode> items)
    {
        var size = Math.Clamp(request.QueryNumber("per_page") ?? 30, 1, 100);
        var page = Math.Max(request.QueryNumber("page") ?? 1, 1);
        var response = FakeResponse.Json(new JsonArray([.. items.Skip((page - 1) * size).Take(size).Select(i => i.DeepClone())]));
        var last = Math.Max(1, (items.Count + size - 1) / size);
        if (page < last)
        {
            response.WithHeader("Link", $"<{PageUrl(request, page + 1)}>; rel=\"next\", <{PageUrl(request, last)}>; rel=\"last\"");
        }

        return response;
    }

    private static string PageUrl(FakeRequest request, int page)
    {
        var query = request.Uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("page=", StringComparison.Ordinal))
            .Append("page=" + page.ToString(CultureInfo.InvariantCulture));
        return $"{request.Uri.GetLeftPart(UriPartial.Path)}?{string.Join('&', query)}";
    }
}
