using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace AnatomyBot.Fakes.AzureDevOps;

/// <summary>An in-memory Azure DevOps organisation with one project, or more (<see cref="AddProject"/>; REST api-version 7.1): work items, Git repositories
/// with their files, pull requests with threads and statuses, branch policies and service hook subscriptions. It serves exactly the operations the bot uses, with the
/// templates of the published REST specification, and answers as Azure DevOps does: project and repository by name or id,
/// <c>{count, value}</c> envelopes, JSON Patch guarded by <c>test /rev</c> (412), TF error bodies. Writes change the state.
/// Tests use it as the client's primary handler; the demo serves it over loopback with <see cref="FakeApiServer"/>.</summary>
public sealed partial class FakeAzureDevOps : FakeApi
{
    public const string DefaultOrganizationUrl = "https://dev.azure.com/contoso/";
    public const string DefaultProject = "Fabrikam";
    public const string DefaultProjectId = "00aa00aa-bb11-cc22-dd33-44ee44ee44ee";
    public const string DefaultRepository = "Web";
    public const string DefaultRepositoryId = "c2c2c2c2-dddd-eeee-ffff-a3a3a3a3a3a3";
    public const string ApiVersion = "7.1";

    /// <summary>The work-item Comments API is preview only: its operations take <c>7.1-preview.4</c>.</summary>
    public const string CommentsApiVersion = "7.1-preview.4";

    /// <summary>Whom comments, threads and statuses written through the fake are by: the bot's credential.</summary>
    public const string BotUniqueName = "anatomybot@contoso.example";

    private readonly Dictionary<string, FakeGitRepository> _repositories = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _projects = new(StringComparer.OrdinalIgnoreCase);
    private int _nextId = 100;

    /// <param name="baseUrl">The organisation URL (its last segment is the organisation).</param>
    /// <param name="project">The project's name.</param>
    /// <param name="projectId">The project's id.</param>
    public FakeAzureDevOps(Uri? baseUrl = null, string project = DefaultProject, string projectId = DefaultProjectId)
        : base(baseUrl ?? new Uri(DefaultOrganizationUrl))
    {
        Organization = BaseUrl.AbsolutePath.Trim('/').Split('/')[^1];
        Project = project;
        ProjectId = projectId;
        _projects[project] = projectId;
        Repository(DefaultRepository, DefaultRepositoryId);
        MapWorkItems();
        MapWorkItemComments();
        MapPullRequests();
        MapItems();
        MapSettings();
    }

    public string Organization { get; }

    public string Project { get; }

    public string ProjectId { get; }

    /// <summary>The organisation's projects, name → id: the fake's own and those added with <see cref="AddProject"/>.</summary>
    public IReadOnlyDictionary<string, string> Projects => _projects;

    /// <summary>Adds another project to the organisation; its work items and repositories name it
    /// (<see cref="FakeWorkItem.Project"/>, <see cref="FakeGitRepository.Project"/>).</summary>
    public void AddProject(string name, string id)
    {
        lock (Gate)
        {
            _projects[name] = id;
        }
    }

    /// <summary>The name of a project named by name or id, or null when the organisation has no such project.</summary>
    public string? ProjectName(string nameOrId) =>
        _projects.FirstOrDefault(p => string.Equals(p.Key, nameOrId, StringComparison.OrdinalIgnoreCase) || string.Equals(p.Value, nameOrId, StringComparison.OrdinalIgnoreCase)).Key;

    /// <summary>The id of a project named by name (the fake's own when null).</summary>
    public string ProjectIdOf(string? name) => name is null ? ProjectId : _projects[name];

    public SortedDictionary<int, FakeWorkItem> WorkItems { get; } = [];

    public List<FakePullRequest> PullRequests { get; } = [];

    public IReadOnlyDictionary<string, FakeGitRepository> Repositories => _repositories;

    /// <summary>Called under the lock just before a thread is created: another worker creating its own thread at that moment.</summary>
    public Action<FakePullRequest>? BeforeThreadCreated { get; set; }

    /// <summary>The repository of that name, created (with <paramref name="id"/>, or one made from the name) when new.</summary>
    public FakeGitRepository Repository(string name, string? id = null)
    {
        lock (Gate)
        {
            if (!_repositories.TryGetValue(name, out var repository))
            {
                repository = new FakeGitRepository(name, id ?? "r-" + name);
                _repositories[name] = repository;
            }

            return repository;
        }
    }

    public FakeWorkItem Add(FakeWorkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        lock (Gate)
        {
            WorkItems[item.Id] = item;
            return item;
        }
    }

    /// <summary>Adds a pull request and links it from its work items (as linking does in Azure DevOps).</summary>
    public FakePullRequest Add(FakePullRequest pr)
    {
        ArgumentNullException.ThrowIfNull(pr);
        lock (Gate)
        {
            PullRequests.Add(pr);
            var repository = Repository(pr.RepositoryName);
            foreach (var id in pr.WorkItemIds.Where(WorkItems.ContainsKey))
            {
                WorkItems[id].PullRequestLinks.Add((ProjectIdOf(repository.Project), repository.Id, pr.Number));
            }

            return pr;
        }
    }

    public FakePullRequest PullRequest(int number)
    {
        lock (Gate)
        {
            return PullRequests.Single(p => p.Number == number);
        }
    }

    /// <summary>What a person sees: a work item's tags, or a pull request's threads and newest status of a genre and name.</summary>
    public (string? Tags, IReadOnlyList<FakeThread> Threads, FakePullRequestStatus? Status) View(int id, bool pullRequest, string genre, string name)
    {
        lock (Gate)
        {
            if (!pullRequest)
            {
                return (WorkItems[id].Tags, [], null);
            }

            var pr = PullRequest(id);
            return (null, [.. pr.Threads], pr.Statuses.Where(s => s.Genre == genre && s.Name == name).MaxBy(s => s.Id));
        }
    }

    /// <summary>A JSON answer, for answers a test queues.</summary>
    public static HttpResponseMessage Json(JsonNode? node, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(node?.ToJsonString() ?? "null", Encoding.UTF8, "application/json") };

    /// <summary>An Azure DevOps error answer (<c>{"$id", "message", "typeKey", …}</c>), for answers a test queues.</summary>
    public static HttpResponseMessage Status(HttpStatusCode status, string message = "") => Json(FakeAzureDevOpsJson.Error(message), status);

    protected override bool IgnoreCase => true;

    protected override IReadOnlyList<string> RouteSegments(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var root = new Uri(BaseUrl, "..").AbsolutePath;
        return uri.AbsolutePath[(root.Length - 1)..].Split('/', StringSplitOptions.RemoveEmptyEntries);
    }

    protected override HttpResponseMessage Fault(HttpStatusCode status, (string Name, string Value)[] headers)
    {
        var response = Status(status, "injected " + (int)status);
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    private string Api => BaseUrl.AbsoluteUri;

    private int NextId() => ++_nextId;

    private static FakeResponse Error(HttpStatusCode status, string message) => FakeResponse.Json(FakeAzureDevOpsJson.Error(message), status);

    /// <summary>Maps an operation under <c>/{organization}/{project}/_apis/</c>: like the service, it needs
    /// <c>api-version=7.1</c> (or the operation's own, <paramref name="apiVersion"/>), the organisation and one of its projects (by name or id).</summary>
    private void MapApi(HttpMethod method, string template, Func<FakeRequest, FakeResponse> answer, bool isRead = false, string apiVersion = ApiVersion) =>
        Map(method, "/{organization}/{project}/_apis/" + template, request =>
        {
            if (request.QueryValue("api-version") != apiVersion)
            {
                return Error(HttpStatusCode.BadRequest, $"VS403446: api-version {apiVersion} is required");
            }

            var project = request.Route("project");
            return string.Equals(request.Route("organization"), Organization, StringComparison.OrdinalIgnoreCase)
                && ProjectName(project) is not null
                ? answer(request)
                : Error(HttpStatusCode.NotFound, $"TF200016: The following project does not exist: {project}.");
        }, isRead);

    /// <summary>The repository a route names, by name or id.</summary>
    private FakeGitRepository? FindRepository(string nameOrId) =>
        _repositories.Values.FirstOrDefault(r => string.Equals(r.Name, nameOrId, StringComparison.OrdinalIgnoreCase) || string.Equals(r.Id, nameOrId, StringComparison.OrdinalIgnoreCase));
}
