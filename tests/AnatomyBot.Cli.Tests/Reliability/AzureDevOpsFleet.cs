using AnatomyBot.Cli.Demo;
using AnatomyBot.Core.Reconcile;
using AnatomyBot.Fakes;
using AnatomyBot.Fakes.AzureDevOps;

namespace AnatomyBot.Cli.Tests.Reliability;

/// <summary>The fake Azure DevOps (the demo's, on a loopback port) holding the onboarding sample as a project: the anatomy
/// in the <c>Architecture</c> repository, the epic 1, story 2 linked down to its component, story 3 without one, and pull
/// requests 4… that link story 2 (their <c>anatomybot/linkage</c> status should be <c>succeeded</c>) or story 3
/// (<c>failed</c>). Builds the service-hook notifications a Web Hooks subscription would send for them.</summary>
internal sealed class AzureDevOpsFleet : IReliabilityFleet
{
    private const string Organization = "contoso";
    private const string AnatomyRepository = "Architecture";
    private const string AnatomyPath = "/anatomy.yml";
    private const int LinkedStory = 2;
    private const int StoryWithoutComponent = 3;
    private const int FirstPullRequest = 4;

    private int _notifications;

    private AzureDevOpsFleet(FakeAzureDevOps ado, FakeApiServer api, IReadOnlyList<FleetPullRequest> pullRequests)
    {
        Ado = ado;
        Api = api;
        PullRequests = pullRequests;
    }

    public FakeAzureDevOps Ado { get; }

    public FakeApiServer Api { get; }

    public IReadOnlyList<FleetPullRequest> PullRequests { get; }

    public IReadOnlyList<RecordedRequest> Writes => Ado.Writes;

    public static async Task<AzureDevOpsFleet> StartAsync(int pullRequests, CancellationToken cancellationToken)
    {
        var ado = new FakeAzureDevOps(new Uri($"http://127.0.0.1/{Organization}/"));
        ado.Repository(AnatomyRepository).Files[AnatomyPath] = SampleFiles.Read(SampleFiles.Anatomy);
        ado.Add(new FakeWorkItem { Id = 1, Type = "Epic", Title = "Collect identity documents online", Tags = "outcome:OUT-COMPLIANCE; stage:ST-DOCUMENTS" });
        ado.Add(new FakeWorkItem
        {
            Id = LinkedStory, Parent = 1, Title = "Upload documents in the portal",
            Description = "<div>Stage: ST-DOCUMENTS</div><div>Logic: LG-DOCUMENT-UPLOAD</div><div>Component: C-ONBOARDING-PORTAL</div>",
        });
        ado.Add(new FakeWorkItem
        {
            Id = StoryWithoutComponent, Parent = 1, Title = "Remind customers about missing documents",
            Description = "<div>Stage: ST-DOCUMENTS</div><div>Logic: LG-MISSING-DOCUMENT</div>",
        });
        var fleetPullRequests = new List<FleetPullRequest>();
        for (var p = 0; p < pullRequests; p++)
        {
            var pr = new FakePullRequest { Number = FirstPullRequest + p, Title = $"Change {FirstPullRequest + p}", Description = "Sends the reminders." };
            pr.ChangedPaths.Add("src/Onboarding/Shared/Mail/ReminderSender.cs");
            ado.Add(pr);
            fleetPullRequests.Add(new FleetPullRequest(Organization, ado.Project, pr.Number));
        }

        var fleet = new AzureDevOpsFleet(ado, await FakeApiServer.StartAsync(ado, $"/{Organization}/", cancellationToken), fleetPullRequests);
        foreach (var pr in fleetPullRequests)
        {
            fleet.Link(pr, complete: pr.Number % 2 == 0);
        }

        return fleet;
    }

    public void Link(FleetPullRequest pr, bool complete)
    {
        lock (Ado.Gate)
        {
            var linked = Ado.PullRequest(pr.Number).WorkItemIds;
            linked.Clear();
            linked.Add(complete ? LinkedStory : StoryWithoutComponent);
        }

        pr.Complete = complete;
        pr.ExpectedConclusion = complete ? "succeeded" : "failed";
    }

    /// <summary>A <c>git.pullrequest.created</c> notification for GitHub's <c>opened</c>, else <c>git.pullrequest.updated</c>.</summary>
    public WebhookRequest Delivery(string secret, FleetPullRequest pr, string action)
    {
        var id = Guid.NewGuid().ToString();
        var eventType = action == "opened" ? "git.pullrequest.created" : "git.pullrequest.updated";
        var body = AzureDevOpsHookSender.Notification(Ado, eventType, pr.Number, id, Interlocked.Increment(ref _notifications), Api.BaseUrl.ToString());
        return new WebhookRequest("signed", Headers(secret), body) { Route = "/api/azure-devops/webhooks", BodyId = id };
    }

    /// <summary>The headers a subscription sends: the shared secret as the basic-authentication password.</summary>
    public static Dictionary<string, string> Headers(string secret) => new() { ["Authorization"] = AzureDevOpsHookSender.Authorization(secret).ToString() };

    public void Configure(IDictionary<string, string?> settings, string secret, string token)
    {
        settings["AzureDevOps:WebhookSecret"] = secret;
        settings["AzureDevOps:OrganizationUrl"] = Api.BaseUrl.ToString();
        settings["AzureDevOps:Project"] = Ado.Project;
        settings["AzureDevOps:AuthMode"] = "Pat";
        settings["AzureDevOps:PersonalAccessToken"] = token;
        settings["AzureDevOps:Anatomy:Repository"] = AnatomyRepository;
        settings["AzureDevOps:Anatomy:Path"] = AnatomyPath;
    }

    /// <summary>The bot's writes to the pull request's threads: threads it created, comments it edited.</summary>
    public (int Created, int Edited) ThreadWrites(FleetPullRequest pr)
    {
        var threads = $"/pullRequests/{pr.Number}/threads";
        lock (Ado.Gate)
        {
            var writes = Ado.Writes.Where(w => w.Path.Contains(threads, StringComparison.Ordinal)).ToList();
            return (
                writes.Count(w => w.Method == HttpMethod.Post && w.Path.EndsWith(threads, StringComparison.Ordinal)),
                writes.Count(w => w.Method == HttpMethod.Patch && w.Path.Contains("/comments/", StringComparison.Ordinal)));
        }
    }

    public IReadOnlyList<string> EndStateProblems()
    {
        var problems = new List<string>();
        foreach (var pr in PullRequests)
        {
            var (_, threads, status) = Ado.View(pr.Number, pullRequest: true, "anatomybot", "linkage");
            var live = threads.Count(t => !t.IsDeleted && t.Comments.FirstOrDefault(c => !c.IsDeleted) is { } first
                && first.Content.StartsWith(Markers.Comment, StringComparison.Ordinal));
            if (live != 1)
            {
                problems.Add($"{pr}: {live} bot threads");
            }

            if (status?.State != pr.ExpectedConclusion)
            {
                problems.Add($"{pr}: status {status?.State ?? "missing"}, expected {pr.ExpectedConclusion}");
            }
        }

        return problems;
    }

    public ValueTask DisposeAsync() => Api.DisposeAsync();
}
