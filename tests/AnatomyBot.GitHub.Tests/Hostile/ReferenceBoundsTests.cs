using System.Text;
using System.Text.Json.Nodes;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Reconcile;
using AnatomyBot.GitHub.Snapshot;
using AnatomyBot.GitHub.Tests.Harness;

namespace AnatomyBot.GitHub.Tests.Hostile;

/// <summary>What one pull request can make the bot read: at most 50 linked issues, each with at most 8 ancestors, within
/// the delivery's API call budget, and only in repositories the bot is configured for; names that are not plain GitHub
/// names never become an API path.</summary>
public sealed class ReferenceBoundsTests
{
    [Fact]
    public async Task HandleAsync_BodyWith2000IssueReferences_CostsAtMost70CallsAndSaysHowManyWereNotRead()
    {
        using var github = new GitHubHarness();
        github.SetAnatomy(TestAnatomy.Valid);
        var body = new StringBuilder("Touches many things.\n");
        for (var n = 1; n <= 2000; n++)
        {
            body.Append('#').Append(n + 100).Append(' ');
        }

        for (var n = 101; n <= 160; n++)
        {
            github.AddIssue(n, $"Issue {n}.");
        }

        github.AddPullRequest(5, body.ToString());

        var result = await github.Handler.HandleAsync(github.PullRequestEvent(5), default);

        Assert.True(result.ApiCalls <= 70, $"{result.ApiCalls} API calls");
        Assert.Equal(github.Api.Requests.Count, result.ApiCalls);
        Assert.Equal(50, github.Sent.Count(s => s.StartsWith("GET /repos/acme/shop/issues/", StringComparison.Ordinal) && !s.Contains("/comments", StringComparison.Ordinal)));
        Assert.DoesNotContain("GET /repos/acme/shop/issues/151", github.Sent);
        var evaluation = Assert.Single(result.Evaluations);
        Assert.Contains(ReferenceExtractor.NotRead(1950), evaluation.Diagnostics);
        Assert.Contains("1950 more references were not read", Assert.Single(github.Issue(5).Comments).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_BudgetSpent_EndsWithNeutralCheckAndCommentSayingWhy()
    {
        using var github = new GitHubHarness(s => s["Pipeline:MaxApiCallsPerDelivery"] = "20");
        github.SetAnatomy(TestAnatomy.Valid);
        for (var n = 101; n <= 130; n++)
        {
            github.AddIssue(n, $"Issue {n}.");
        }

        github.AddPullRequest(5, string.Join(' ', Enumerable.Range(101, 30).Select(n => $"#{n}")));

        var result = await github.Handler.HandleAsync(github.PullRequestEvent(5), default);

        Assert.Empty(result.Evaluations);
        var run = Assert.Single(github.Repository.CheckRuns);
        Assert.Equal(("neutral", BudgetSpentState.Title), (run.Conclusion, run.Title));
        var comment = Assert.Single(github.Issue(5).Comments).Body;
        Assert.Contains("Pipeline:MaxApiCallsPerDelivery", comment, StringComparison.Ordinal);
        Assert.Contains("more than 20 API calls", comment, StringComparison.Ordinal);
        Assert.True(github.Sent.Count(s => s.StartsWith("GET /repos/acme/shop/issues/1", StringComparison.Ordinal)) < 20);
    }

    [Fact]
    public async Task HandleAsync_DeepParentChain_ReadsAtMost8Ancestors()
    {
        using var github = new GitHubHarness();
        github.SetAnatomy(TestAnatomy.Valid);
        for (var n = 101; n <= 120; n++)
        {
            github.AddIssue(n, $"Issue {n}.").Parent = n + 1;
        }

        github.AddIssue(121, "Top.");
        github.AddPullRequest(5, "Closes #101");

        await github.Handler.HandleAsync(github.PullRequestEvent(5), default);

        var issueReads = github.Sent.Where(s => s.StartsWith("GET /repos/acme/shop/issues/1", StringComparison.Ordinal)).ToList();
        Assert.Equal(Enumerable.Range(101, 9).Select(n => $"GET /repos/acme/shop/issues/{n}"), issueReads);
    }

    [Fact]
    public async Task HandleAsync_ReferenceToUnconfiguredRepository_IsNotReadAndIsReported()
    {
        using var github = new GitHubHarness();
        github.SetAnatomy(TestAnatomy.Valid);
        github.Api.Repository("acme", "private-plans").Issues[7] = new Fakes.GitHub.FakeIssue { Number = 7, Title = "Secret", Body = "", Labels = { "confidential" } };
        github.AddPullRequest(5, "Closes acme/private-plans#7");

        var result = await github.Handler.HandleAsync(github.PullRequestEvent(5), default);

        Assert.DoesNotContain(github.Sent, s => s.Contains("private-plans", StringComparison.Ordinal));
        var evaluation = Assert.Single(result.Evaluations);
        Assert.Contains(GitHubSnapshotReader.NotReadable("acme/private-plans#7"), evaluation.Item.Diagnostics);
        var comment = Assert.Single(github.Issue(5).Comments).Body;
        Assert.Contains("not readable by the bot", comment, StringComparison.Ordinal);
        Assert.DoesNotContain("confidential", comment, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_ReferenceToConfiguredRepository_IsRead()
    {
        using var github = new GitHubHarness(s => s["GitHub:Repositories"] = "acme/plans");
        github.SetAnatomy(TestAnatomy.Valid);
        github.Api.Repository("acme", "plans").Issues[7] = new Fakes.GitHub.FakeIssue { Number = 7, Title = "Plan", Body = "" };
        github.AddPullRequest(5, "Closes acme/plans#7");

        await github.Handler.HandleAsync(github.PullRequestEvent(5), default);

        Assert.Contains("GET /repos/acme/plans/issues/7", github.Sent);
    }

    [Theory]
    [InlineData("Closes https://github.com/../../issues/1")]
    [InlineData("Closes acme/..#2")]
    [InlineData("Closes ../shop#3")]
    [InlineData("Closes .hidden/shop#4")]
    public async Task HandleAsync_HostileNameInBody_NeverBecomesAnApiPath(string body)
    {
        using var github = new GitHubHarness(s => s["GitHub:Repositories"] = "acme/shop");
        github.SetAnatomy(TestAnatomy.Valid);
        github.AddPullRequest(5, body);

        await github.Handler.HandleAsync(github.PullRequestEvent(5), default);

        Assert.All(github.Sent.Where(s => s != "GET /user"), s => Assert.StartsWith("/repos/acme/shop/", s[(s.IndexOf(' ', StringComparison.Ordinal) + 1)..], StringComparison.Ordinal));
        Assert.DoesNotContain(github.Sent, s => s.Contains("..", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("..", "shop")]
    [InlineData("acme", "..")]
    [InlineData("acme", ".")]
    [InlineData("-acme", "shop")]
    [InlineData("acme", "sh/op")]
    public async Task HandleAsync_HostileRepositoryNameInPayload_MakesNoApiCall(string owner, string name)
    {
        using var github = new GitHubHarness();
        github.AddPullRequest(5, "Closes #1");
        var payload = new JsonObject
        {
            ["action"] = "opened", ["number"] = 5, ["pull_request"] = new JsonObject { ["number"] = 5 },
            ["repository"] = new JsonObject { ["name"] = name, ["full_name"] = $"{owner}/{name}", ["owner"] = new JsonObject { ["login"] = owner } },
        };

        await github.Handler.HandleAsync(GitHubHarness.Delivery("pull_request", payload), default);

        Assert.Empty(github.Sent);
    }

    [Fact]
    public async Task HandleAsync_PullRequestInDotGithubRepository_IsEvaluated()
    {
        using var github = new GitHubHarness();
        github.SetAnatomy(TestAnatomy.Valid, ".github");
        var repository = github.Api.Repository("acme", ".github");
        repository.Issues[5] = new Fakes.GitHub.FakeIssue { Number = 5, Title = "PR 5", Body = "No links.", IsPullRequest = true, HeadSha = "abc123", Author = "dev" };
        var payload = new JsonObject
        {
            ["action"] = "opened", ["number"] = 5, ["pull_request"] = new JsonObject { ["number"] = 5 },
            ["repository"] = new JsonObject { ["name"] = ".github", ["full_name"] = "acme/.github", ["owner"] = new JsonObject { ["login"] = "acme" } },
        };

        var result = await github.Handler.HandleAsync(GitHubHarness.Delivery("pull_request", payload), default);

        Assert.Equal("acme/.github#5", Assert.Single(result.Evaluations).Item.Id);
        Assert.Contains("GET /repos/acme/.github/pulls/5", github.Sent);
        Assert.Single(repository.CheckRuns);
    }

    [Fact]
    public void Validate_OrganizationConfigRepositoryDotDot_IsRefused()
    {
        var result = new Configuration.GitHubOptionsValidator().Validate(null, new Configuration.GitHubOptions { WebhookSecret = "s", Token = "t", OrganizationConfigRepository = ".." });

        Assert.Contains(result.Failures!, f => f.StartsWith("GitHub:OrganizationConfigRepository", StringComparison.Ordinal));
    }
}
