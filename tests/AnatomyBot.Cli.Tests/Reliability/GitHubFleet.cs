using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using AnatomyBot.Cli.Demo;
using AnatomyBot.Fakes;
using AnatomyBot.Fakes.GitHub;

namespace AnatomyBot.Cli.Tests.Reliability;

/// <summary>The fake GitHub API (the demo's, on a loopback port) holding several copies of the onboarding sample: in each
/// repository the epic #1, story #2 linked down to its component, story #3 without one, and pull requests #4… that close
/// #2 (their <c>anatomy</c> check should pass) or #3 (it should fail). Builds the <c>pull_request</c> payloads GitHub
/// would send for them.</summary>
internal sealed class GitHubFleet : IReliabilityFleet
{
    public const string AnatomyPath = ".github/anatomy.yml";

    private const int LinkedStory = 2;
    private const int StoryWithoutComponent = 3;
    private const int FirstPullRequest = 4;

    private long _payloads;

    private GitHubFleet(FakeGitHub hub, FakeApiServer api, IReadOnlyList<FleetPullRequest> pullRequests)
    {
        Hub = hub;
        Api = api;
        PullRequests = pullRequests;
    }

    public FakeGitHub Hub { get; }

    public FakeApiServer Api { get; }

    public IReadOnlyList<FleetPullRequest> PullRequests { get; }

    public IReadOnlyList<RecordedRequest> Writes => Hub.Writes;

    public static async Task<GitHubFleet> StartAsync(int repositories, int pullRequestsPerRepository, CancellationToken cancellationToken)
    {
        var hub = new FakeGitHub();
        var anatomy = SampleFiles.Read(SampleFiles.Anatomy);
        var pullRequests = new List<FleetPullRequest>();
        for (var r = 0; r < repositories; r++)
        {
            var repo = hub.Repository("contoso", $"onboarding-{r:D2}");
            lock (hub.Gate)
            {
                repo.Files[AnatomyPath] = anatomy;
                repo.Issues[1] = Issue(1, "epic", "Collect identity documents online", "Outcome: OUT-COMPLIANCE\nStage: ST-DOCUMENTS");
                repo.Issues[LinkedStory] = Issue(LinkedStory, "story", "Upload documents in the portal",
                    "Parent: #1\nStage: ST-DOCUMENTS\nLogic: LG-DOCUMENT-UPLOAD\nComponent: C-ONBOARDING-PORTAL");
                repo.Issues[StoryWithoutComponent] = Issue(StoryWithoutComponent, "story", "Remind customers about missing documents",
                    "Parent: #1\nStage: ST-DOCUMENTS\nLogic: LG-MISSING-DOCUMENT");
                for (var p = 0; p < pullRequestsPerRepository; p++)
                {
                    var number = FirstPullRequest + p;
                    var pr = new FakeIssue { Number = number, Title = $"Change {number}", IsPullRequest = true, HeadSha = $"{r:x4}{number:x8}".PadRight(40, 'c') };
                    pr.Files.Add("src/Onboarding/Shared/Mail/ReminderSender.cs");
                    repo.Issues[number] = pr;
                    var fleetPr = new FleetPullRequest(repo.Owner, repo.Name, number);
                    pullRequests.Add(fleetPr);
                }
            }
        }

        var fleet = new GitHubFleet(hub, await StartApiAsync(hub, cancellationToken), pullRequests);
        foreach (var pr in pullRequests)
        {
            fleet.Link(pr, complete: pr.Number % 2 == 0);
        }

        return fleet;
    }

    /// <summary>Points the pull request at the fully linked story (check should pass) or at the one without its component
    /// (check should fail), as a developer editing the description would.</summary>
    public void Link(FleetPullRequest pr, bool complete)
    {
        var story = complete ? LinkedStory : StoryWithoutComponent;
        lock (Hub.Gate)
        {
            Issue(pr).Body = $"Sends the reminders.\n\nCloses #{story}";
        }

        pr.Complete = complete;
        pr.ExpectedConclusion = complete ? "success" : "failure";
    }

    public WebhookRequest Delivery(string secret, FleetPullRequest pr, string action) =>
        WebhookRequest.Signed(secret, "pull_request", Guid.NewGuid().ToString(), Payload(pr, action));

    public void Configure(IDictionary<string, string?> settings, string secret, string token)
    {
        settings["GitHub:WebhookSecret"] = secret;
        settings["GitHub:Token"] = token;
        settings["GitHub:BaseUrl"] = Api.BaseUrl.ToString();
        settings["GitHub:AnatomyPath"] = AnatomyPath;
    }

    /// <summary>The <c>pull_request</c> webhook body for the pull request's current state.</summary>
    public byte[] Payload(FleetPullRequest pr, string action)
    {
        var baseUrl = Api.BaseUrl.ToString();
        lock (Hub.Gate)
        {
            var repo = Hub.Repositories[$"{pr.Owner}/{pr.Repository}"];
            // Like GitHub's, each payload differs from the last (its time stamps move): the same body under a new delivery
            // id is a replay, which serve acknowledges without processing.
            var pullRequest = FakeGitHubJson.PullRequest(baseUrl, repo, repo.Issues[pr.Number]);
            pullRequest["updated_at"] = DateTimeOffset.UnixEpoch.AddSeconds(Interlocked.Increment(ref _payloads)).ToString("O", CultureInfo.InvariantCulture);
            var payload = new JsonObject
            {
                ["action"] = action,
                ["number"] = pr.Number,
                ["pull_request"] = pullRequest,
                ["repository"] = FakeGitHubJson.Repository(baseUrl, repo),
                ["sender"] = FakeGitHubJson.User(baseUrl, "dana-dev"),
            };
            return Encoding.UTF8.GetBytes(payload.ToJsonString());
        }
    }

    /// <summary>The bot's writes to the pull request's comments: how many comments it created, how many it edited.</summary>
    public (int Created, int Edited) CommentWrites(FleetPullRequest pr)
    {
        var create = $"POST /repos/{pr.Owner}/{pr.Repository}/issues/{pr.Number}/comments";
        lock (Hub.Gate)
        {
            var commentIds = Issue(pr).Comments.Select(c => $"PATCH /repos/{pr.Owner}/{pr.Repository}/issues/comments/{c.Id}").ToHashSet(StringComparer.Ordinal);
            var writes = Hub.Writes.Select(w => w.ToString()).ToList();
            return (writes.Count(w => w == create), writes.Count(commentIds.Contains));
        }
    }

    /// <summary>Every pull request has exactly one bot comment (created once, then only edited) and the check its links
    /// call for. Returns the problems found, empty when the end state is right.</summary>
    public IReadOnlyList<string> EndStateProblems()
    {
        var problems = new List<string>();
        foreach (var pr in PullRequests)
        {
            var (_, comments, check) = Hub.View(pr.Owner, pr.Repository, pr.Number);
            var (created, _) = CommentWrites(pr);
            if (comments.Count != 1 || created != 1)
            {
                problems.Add($"{pr}: {comments.Count} comments, {created} created");
            }

            if (check?.Conclusion != pr.ExpectedConclusion)
            {
                problems.Add($"{pr}: check {check?.Conclusion ?? "missing"}, expected {pr.ExpectedConclusion}");
            }
        }

        return problems;
    }

    public ValueTask DisposeAsync() => Api.DisposeAsync();

    private FakeIssue Issue(FleetPullRequest pr) => Hub.Repositories[$"{pr.Owner}/{pr.Repository}"].Issues[pr.Number];

    private static FakeIssue Issue(int number, string label, string title, string body)
    {
        var issue = new FakeIssue { Number = number, Title = title, Body = body, Author = "pat-po" };
        issue.Labels.Add(label);
        return issue;
    }

    private static Task<FakeApiServer> StartApiAsync(FakeGitHub hub, CancellationToken cancellationToken) =>
        FakeApiServer.StartAsync(hub, "/", cancellationToken);
}
