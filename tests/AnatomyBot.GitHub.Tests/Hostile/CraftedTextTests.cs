using AnatomyBot.GitHub.Tests.Harness;

namespace AnatomyBot.GitHub.Tests.Hostile;

public sealed class CraftedTextTests : IDisposable
{
    private readonly GitHubHarness _github = new();

    public CraftedTextTests() => _github.SetAnatomy(TestAnatomy.Valid);

    [Fact]
    public async Task HandleAsync_BodyCraftedToBacktrack_EvaluatesAndCompletesTheCheck()
    {
        _github.AddIssue(1, "Outcome: O-FAST", "story");
        _github.AddPullRequest(5, string.Concat(Enumerable.Repeat("http://a", 8000)) + " #1");

        var result = await _github.Handler.HandleAsync(_github.PullRequestEvent(5), default);

        var evaluation = Assert.Single(result.Evaluations);
        Assert.Equal("acme/shop#5", evaluation.Item.Id);
        Assert.Contains("GET /repos/acme/shop/issues/1", _github.Sent);
        Assert.Equal("completed", Assert.Single(_github.Repository.CheckRuns).Status);
    }

    public void Dispose() => _github.Dispose();
}
