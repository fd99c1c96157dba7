using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Fakes.GitHub;
using AnatomyBot.GitHub.Events;
using AnatomyBot.GitHub.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace AnatomyBot.GitHub.Tests;

/// <summary>The nightly sweep's GitHub source: open issues and pull requests of the configured (and, in App mode, installed)
/// repositories, listed page by page, as synthetic deliveries the handler reconciles like webhooks.</summary>
public sealed class SweepSourceTests : IDisposable
{
    private const string FirstPage = "GET /repos/acme/shop/issues?state=open&per_page=100";
    private const string SecondPage = "GET /repos/acme/shop/issues?state=open&per_page=100&page=2";

    private readonly GitHubHarness _github = new(s => s["GitHub:Repositories"] = "acme/shop");

    public SweepSourceTests() => _github.SetAnatomy(TestAnatomy.Valid);

    private FakeGitHub Api => _github.Api;

    private ISweepSource Source => Assert.Single(_github.Services.GetServices<ISweepSource>());

    [Fact]
    public async Task CreateSweepDeliveriesAsync_OpenIssuesAndPullRequestsOverPages_OneDeliveryEach()
    {
        for (var n = 1; n <= 125; n++)
        {
            _github.AddIssue(n, $"Issue {n}", "story");
        }

        _github.AddPullRequest(200, "Closes #1");
        _github.AddPullRequest(201, "x");
        _github.Issue(7).State = "closed";
        _github.Issue(201).State = "closed";

        var deliveries = await Source.CreateSweepDeliveriesAsync(_github.Time.GetUtcNow(), default);

        Assert.Equal(Platforms.GitHub, Source.Platform);
        Assert.Equal([FirstPage, SecondPage], _github.Sent);
        Assert.Equal(125, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal(GitHubEvents.Sweep, d.EventName));
        Assert.Equal(deliveries.Count, deliveries.Select(d => d.Id).Distinct().Count());
        Assert.Equal("sweep:2026-11-25T10:00:00Z:acme/shop#200", deliveries[^1].Id);
        Assert.DoesNotContain(deliveries, d => d.Id.EndsWith("#7", StringComparison.Ordinal) || d.Id.EndsWith("#201", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HandleAsync_SweepDeliveries_ReconcileIssuesWithoutFollowingLinksAndPullRequestsWithTheirCheck()
    {
        _github.AddIssue(1, "Outcome: O-FAST", "story");
        _github.AddPullRequest(5, "Just a refactoring.");
        var deliveries = await Source.CreateSweepDeliveriesAsync(_github.Time.GetUtcNow(), default);
        Api.ClearRequests();

        var results = new List<DeliveryResult>();
        foreach (var delivery in deliveries)
        {
            results.Add(await _github.Handler.HandleAsync(delivery, default));
        }

        Assert.Equal(["acme/shop#1", "acme/shop#5"], results.SelectMany(r => r.Evaluations).Select(e => e.Item.Id));
        Assert.DoesNotContain(Api.Requests, r => r.Path.EndsWith("/timeline", StringComparison.Ordinal));
        Assert.Equal("failure", Assert.Single(_github.Repository.CheckRuns).Conclusion);
        Assert.Contains("anatomy:no-stage", _github.Issue(1).Labels);
    }

    [Fact]
    public async Task HandleAsync_SecondSweepWithNothingChanged_WritesNothing()
    {
        _github.AddIssue(1, "Outcome: O-FAST", "story");
        _github.AddPullRequest(5, "Just a refactoring.");
        foreach (var delivery in await Source.CreateSweepDeliveriesAsync(_github.Time.GetUtcNow(), default))
        {
            await _github.Handler.HandleAsync(delivery, default);
        }

        var writes = Api.Writes.Count;
        var again = await Source.CreateSweepDeliveriesAsync(_github.Time.GetUtcNow().AddDays(1), default);
        foreach (var delivery in again)
        {
            Assert.Equal(0, (await _github.Handler.HandleAsync(delivery, default)).Writes);
        }

        Assert.Equal(writes, Api.Writes.Count);
        Assert.StartsWith("sweep:2026-11-26T10:00:00Z:", again[0].Id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateSweepDeliveriesAsync_RepositoryCannotBeListed_SkipsItAndSweepsTheOthers()
    {
        using var github = new GitHubHarness(s => s["GitHub:Repositories"] = "acme/gone, acme/shop");
        github.AddIssue(1, "x", "story");

        var deliveries = await github.Services.GetRequiredService<ISweepSource>().CreateSweepDeliveriesAsync(github.Time.GetUtcNow(), default);

        Assert.Equal(["sweep:2026-11-25T10:00:00Z:acme/shop#1"], deliveries.Select(d => d.Id));
        Assert.Equal(["GET /repos/acme/gone/issues?state=open&per_page=100", FirstPage], github.Sent);
    }

    [Fact]
    public async Task CreateSweepDeliveriesAsync_AppMode_AlsoSweepsEveryInstalledRepositoryAsItsInstallation()
    {
        using var key = RSA.Create(2048);
        using var github = GitHubHarness.ForApp(key);
        github.Api.Installations[77] = ["acme/shop"];
        github.AddIssue(3, "x", "story");

        var deliveries = await github.Services.GetRequiredService<ISweepSource>().CreateSweepDeliveriesAsync(github.Time.GetUtcNow(), default);

        Assert.Equal(
            ["GET /app/installations?per_page=100", "POST /app/installations/77/access_tokens", "GET /installation/repositories?per_page=100",
             "POST /app/installations/77/access_tokens", FirstPage],
            github.Sent);
        Assert.Equal(
            ["""{"permissions":{"metadata":"read"}}""", """{"repositories":["shop"],"permissions":{"issues":"read","pull_requests":"read"}}"""],
            github.Api.Requests.Where(r => r.Path.EndsWith("/access_tokens", StringComparison.Ordinal)).Select(r => r.Body));
        var delivery = Assert.Single(deliveries);
        Assert.Equal(77, (long)JsonNode.Parse(delivery.Body)!["installation"]!["id"]!);
        Assert.Equal(["Token inst-token-1", "Token inst-token-2"], github.Api.Requests.Where(r => !r.Path.StartsWith("/app/", StringComparison.Ordinal)).Select(r => r.Authorization));
        Assert.All(github.Api.Requests.Where(r => r.Path.StartsWith("/app/", StringComparison.Ordinal)), r => Assert.StartsWith("Bearer ey", r.Authorization, StringComparison.Ordinal));
    }

    [Fact]
    public void Options_SweepRepositoryNotOwnerSlashName_FailsStartUp()
    {
        using var github = new GitHubHarness(s => s["GitHub:Repositories"] = "acme/shop,just-a-name");

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => github.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Configuration.GitHubOptions>>().Value);

        Assert.Contains("'just-a-name' is not owner/name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_PushTouchingTheAnatomy_QueuesEveryOpenIssueAndPullRequestForReevaluation()
    {
        _github.AddIssue(1, "Outcome: O-FAST", "story");
        _github.AddPullRequest(5, "x");
        _github.AddPullRequest(6, "y");
        var push = GitHubHarness.Delivery("push", new JsonObject
        {
            ["ref"] = "refs/heads/main",
            ["commits"] = new JsonArray(new JsonObject { ["added"] = new JsonArray(), ["modified"] = new JsonArray(".github/anatomy.yml"), ["removed"] = new JsonArray() }),
            ["repository"] = GitHubHarness.RepositoryJson(),
        });

        var result = await _github.Handler.HandleAsync(push, default);

        Assert.Empty(result.Evaluations);
        Assert.Equal([FirstPage], _github.Sent);
        Assert.Equal(
            [$"anatomy:{push.Id}:acme/shop#1", $"anatomy:{push.Id}:acme/shop#5", $"anatomy:{push.Id}:acme/shop#6"],
            _github.Scheduler.Queued.Select(d => d.Id));
        var evaluated = new List<string>();
        foreach (var queued in _github.Scheduler.Queued)
        {
            evaluated.AddRange((await _github.Handler.HandleAsync(queued, default)).Evaluations.Select(e => e.Item.Id));
        }

        Assert.Equal(["acme/shop#1", "acme/shop#5", "acme/shop#6"], evaluated);
    }

    public void Dispose() => _github.Dispose();
}
