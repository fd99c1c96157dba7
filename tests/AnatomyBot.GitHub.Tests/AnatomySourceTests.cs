using AnatomyBot.GitHub.Tests.Harness;

namespace AnatomyBot.GitHub.Tests;

public sealed class AnatomySourceTests
{
    [Fact]
    public async Task HandleAsync_AnatomyUnchanged_ReadsWithIfNoneMatchAndReusesCachedFileOn304()
    {
        using var github = new GitHubHarness();
        github.SetAnatomy(TestAnatomy.Valid);
        github.AddPullRequest(5, "x");

        await github.Handler.HandleAsync(github.PullRequestEvent(5), default);
        var second = await github.Handler.HandleAsync(github.PullRequestEvent(5, "edited"), default);

        Assert.Equal(1, github.Api.NotModified);
        Assert.Equal(2, github.Api.Requests.Count(r => r.ToString() == "GET /repos/acme/shop/contents/.github/anatomy.yml"));
        Assert.Single(second.Evaluations);
        Assert.Equal(0, second.Writes);
    }

    [Fact]
    public async Task HandleAsync_RealParserWithOnboardingSample_EvaluatesTheSample()
    {
        using var github = new GitHubHarness(realParser: true);
        github.SetAnatomy(await File.ReadAllTextAsync(Path.Combine(RepoRoot(), "samples", "onboarding", "anatomy.yml")));
        github.AddPullRequest(5, "Just a refactoring.");

        var result = await github.Handler.HandleAsync(github.PullRequestEvent(5), default);

        Assert.NotEmpty(Assert.Single(result.Evaluations).Gaps);
        Assert.Single(github.Repository.CheckRuns);
    }

    [Fact]
    public async Task HandleAsync_403WithoutRateLimitHeaders_ReportsPermissionProblemWithoutThrowing()
    {
        using var github = new GitHubHarness();
        github.SetAnatomy(TestAnatomy.Valid);
        github.AddPullRequest(5, "x");
        github.Api.Fail(HttpMethod.Post, "^/repos/acme/shop/issues/5/comments$", System.Net.HttpStatusCode.Forbidden);

        var result = await github.Handler.HandleAsync(github.PullRequestEvent(5), default);

        Assert.Contains("403", result.Skipped, StringComparison.Ordinal);
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "AnatomyBot.sln")))
        {
            dir = dir.Parent;
        }

        return dir.FullName;
    }
}
