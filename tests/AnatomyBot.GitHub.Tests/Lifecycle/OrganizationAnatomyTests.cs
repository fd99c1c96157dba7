using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AnatomyBot.GitHub.Tests.Harness;

namespace AnatomyBot.GitHub.Tests.Lifecycle;

/// <summary>A change to the organisation's <c>.github</c> anatomy re-sweeps every repository of the installation that has
/// no anatomy of its own, through the queue: one delivery per repository, which then queues its open items.</summary>
public sealed class OrganizationAnatomyTests
{
    [Fact]
    public async Task HandleAsync_PushToTheOrganizationAnatomy_ReSweepsOnlyTheRepositoriesWithoutTheirOwn()
    {
        using var key = RSA.Create(2048);
        using var github = GitHubHarness.ForApp(key);
        github.Api.Installations[77] = ["acme/.github", "acme/shop", "acme/alpha", "acme/gamma"];
        github.SetAnatomy(TestAnatomy.Valid, ".github");
        github.SetAnatomy(TestAnatomy.Valid, "gamma");
        github.AddIssue(1, "Outcome: O-FAST", "story");
        github.Api.Repository("acme", "alpha").Issues[2] = new Fakes.GitHub.FakeIssue { Number = 2, Title = "PR 2", Body = "x", IsPullRequest = true, HeadSha = "abc123" };
        github.Api.Repository("acme", "gamma").Issues[3] = new Fakes.GitHub.FakeIssue { Number = 3, Title = "Gamma story", Body = "x" };
        var push = GitHubHarness.Delivery("push", new JsonObject
        {
            ["ref"] = "refs/heads/main",
            ["commits"] = new JsonArray(new JsonObject { ["added"] = new JsonArray(), ["modified"] = new JsonArray(GitHubHarness.AnatomyPath), ["removed"] = new JsonArray() }),
            ["repository"] = new JsonObject { ["name"] = ".github", ["full_name"] = "acme/.github", ["default_branch"] = "main", ["owner"] = new JsonObject { ["login"] = "acme" } },
            ["installation"] = new JsonObject { ["id"] = 77 },
        });

        await github.Handler.HandleAsync(push, default);

        var repositories = github.Scheduler.Queued.Select(d => d.Id).ToList();
        Assert.Equal([$"anatomy:{push.Id}:acme/shop", $"anatomy:{push.Id}:acme/alpha", $"anatomy:{push.Id}:acme/gamma"], repositories);

        var sweeps = github.Scheduler.Queued.ToList();
        foreach (var sweep in sweeps)
        {
            var result = await github.Handler.HandleAsync(sweep, default);
            Assert.Empty(result.Evaluations);
        }

        Assert.Equal(
            [$"anatomy:{push.Id}:acme/shop#1", $"anatomy:{push.Id}:acme/alpha#2"],
            github.Scheduler.Queued.Select(d => d.Id).Except(repositories));
        const string Token = "POST /app/installations/77/access_tokens";
        Assert.Equal(
            [
                Token, "GET /repos/acme/.github/issues?state=open&per_page=100", Token, "GET /installation/repositories?per_page=100",
                Token, "GET /repos/acme/shop/contents/.github/anatomy.yml", Token, "GET /repos/acme/shop/issues?state=open&per_page=100",
                Token, "GET /repos/acme/alpha/contents/.github/anatomy.yml", Token, "GET /repos/acme/alpha/issues?state=open&per_page=100",
                Token, "GET /repos/acme/gamma/contents/.github/anatomy.yml",
            ],
            github.Sent);
        Assert.All(github.Scheduler.Queued, d => Assert.Equal(77, (long)JsonNode.Parse(d.Body)!["installation"]!["id"]!));
    }

    [Fact]
    public async Task HandleAsync_PushToAnotherRepositorysAnatomy_ListsNoInstallationRepositories()
    {
        using var github = new GitHubHarness();
        var push = GitHubHarness.Delivery("push", new JsonObject
        {
            ["ref"] = "refs/heads/main",
            ["commits"] = new JsonArray(new JsonObject { ["added"] = new JsonArray(), ["modified"] = new JsonArray(GitHubHarness.AnatomyPath), ["removed"] = new JsonArray() }),
            ["repository"] = GitHubHarness.RepositoryJson(),
        });

        await github.Handler.HandleAsync(push, default);

        Assert.Equal(["GET /repos/acme/shop/issues?state=open&per_page=100"], github.Sent);
        Assert.Empty(github.Scheduler.Queued);
    }
}
