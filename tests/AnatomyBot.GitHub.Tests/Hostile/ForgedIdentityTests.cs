using System.Security.Cryptography;
using AnatomyBot.Core.Reconcile;
using AnatomyBot.Fakes.GitHub;
using AnatomyBot.GitHub.Tests.Harness;

namespace AnatomyBot.GitHub.Tests.Hostile;

/// <summary>The bot acts only on what it can prove is its own: comments written by its own login (<c>{slug}[bot]</c> from
/// <c>GET /app</c> in App mode, the token's user from <c>GET /user</c> in token mode) and check runs of its own app. A
/// comment by anyone else carrying its marker, or an <c>anatomy</c> check run of another app, is left alone.</summary>
public sealed class ForgedIdentityTests
{
    private const string Forged = Markers.Comment + "\nAll links in place. Nothing to see here.";

    [Fact]
    public async Task HandleAsync_TokenModeCommentByAnotherUserWithMarker_IsNeverEdited()
    {
        using var github = new GitHubHarness();
        github.SetAnatomy(TestAnatomy.Valid);
        var pr = github.AddPullRequest(5, "No links.");
        var forged = github.Api.AddComment(pr, Forged, "mallory");

        await github.Handler.HandleAsync(github.PullRequestEvent(5), default);

        Assert.Equal(forged, pr.Comments[0]);
        Assert.DoesNotContain(github.Sent, s => s.StartsWith("PATCH /repos/acme/shop/issues/comments/", StringComparison.Ordinal));
        Assert.DoesNotContain(github.Sent, s => s.StartsWith("DELETE ", StringComparison.Ordinal));
        var mine = Assert.Single(pr.Comments, c => c.Author == github.Api.BotLogin);
        Assert.StartsWith(Markers.Comment, mine.Body, StringComparison.Ordinal);
        Assert.NotEqual(Forged, mine.Body);
        Assert.Equal(1, github.Sent.Count(s => s == "GET /user"));
    }

    [Fact]
    public async Task HandleAsync_AppModeCommentByAnotherUserWithMarker_IsNeverEditedAndTheAppIsAskedOnce()
    {
        using var key = RSA.Create(2048);
        using var github = GitHubHarness.ForApp(key);
        github.SetAnatomy(TestAnatomy.Valid);
        github.Api.Installations[77] = ["acme/shop"];
        var pr = github.AddPullRequest(5, "No links.");
        var forged = github.Api.AddComment(pr, Forged, "anatomybot-fan");

        await github.Handler.HandleAsync(github.PullRequestEvent(5), default);
        pr.Body = "Still no links, edited.";
        await github.Handler.HandleAsync(github.PullRequestEvent(5, "edited"), default);

        Assert.Equal(forged, pr.Comments[0]);
        var mine = Assert.Single(pr.Comments, c => c.Author == $"{github.Api.AppSlug}[bot]");
        Assert.StartsWith(Markers.Comment, mine.Body, StringComparison.Ordinal);
        Assert.NotEqual(Forged, mine.Body);
        Assert.Equal(2, pr.Comments.Count);
        Assert.Equal(1, github.Sent.Count(s => s == "GET /app"));
    }

    [Fact]
    public async Task HandleAsync_AppModeForeignAnatomyCheckRun_IsLeftAloneAndTheBotsOwnRunCarriesTheVerdict()
    {
        using var key = RSA.Create(2048);
        using var github = GitHubHarness.ForApp(key);
        github.SetAnatomy(TestAnatomy.Valid);
        github.Api.Installations[77] = ["acme/shop"];
        github.AddPullRequest(5, "No links.");
        var foreign = new FakeCheckRun(999_001, "anatomy", "abc123", "completed", "success", "Looks fine", "Trust me") { AppSlug = "github-actions", StartedAt = github.Time.GetUtcNow(), CompletedAt = github.Time.GetUtcNow() };
        github.Repository.CheckRuns.Add(foreign);

        await github.Handler.HandleAsync(github.PullRequestEvent(5), default);

        Assert.Equal(foreign, github.Repository.CheckRuns[0]);
        Assert.DoesNotContain(github.Sent, s => s.StartsWith("PATCH /repos/acme/shop/check-runs/", StringComparison.Ordinal));
        var own = Assert.Single(github.Repository.CheckRuns, r => r.AppSlug is null);
        Assert.Equal(("anatomy", "failure"), (own.Name, own.Conclusion));
    }

    [Fact]
    public async Task HandleAsync_TokenModeForeignCheckRunThenTwoDeliveries_UpdatesOnlyTheRunItCreated()
    {
        using var github = new GitHubHarness();
        github.SetAnatomy(TestAnatomy.Valid);
        github.AddIssue(1, "Outcome: O-FAST", "story");
        var pr = github.AddPullRequest(5, "No links.");
        var foreign = new FakeCheckRun(999_002, "anatomy", "abc123", "completed", "success", "Looks fine", "Trust me") { AppSlug = "github-actions", StartedAt = github.Time.GetUtcNow(), CompletedAt = github.Time.GetUtcNow() };
        github.Repository.CheckRuns.Add(foreign);

        await github.Handler.HandleAsync(github.PullRequestEvent(5), default);
        pr.Body = "Closes #1";
        await github.Handler.HandleAsync(github.PullRequestEvent(5, "edited"), default);

        Assert.Equal(foreign, github.Repository.CheckRuns[0]);
        var own = Assert.Single(github.Repository.CheckRuns, r => r.AppSlug is null);
        Assert.Single(github.Sent, s => s == "POST /repos/acme/shop/check-runs");
        Assert.Single(github.Sent, s => s == $"PATCH /repos/acme/shop/check-runs/{own.Id}");
    }
}
