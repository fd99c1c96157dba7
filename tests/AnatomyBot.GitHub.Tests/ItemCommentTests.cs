using AnatomyBot.Fakes.GitHub;
using AnatomyBot.GitHub.Tests.Harness;

namespace AnatomyBot.GitHub.Tests;

/// <summary>The sticky comment on an issue (a backlog item): one when a gap first appears, edited in place, turned into
/// "all links in place" when fixed, never a second one; none with <c>policy.itemComments: never</c>.</summary>
public sealed class ItemCommentTests : IDisposable
{
    private const string Comments = "GET /repos/acme/shop/issues/3/comments?sort=created&direction=asc";
    private readonly GitHubHarness _github = new();

    public ItemCommentTests() => _github.SetAnatomy(TestAnatomy.Valid);

    private FakeGitHub Api => _github.Api;

    [Fact]
    public async Task HandleAsync_StoryGapAppearsThenFixed_OneCommentEditedInPlaceToAllLinksInPlace()
    {
        _github.AddIssue(3, "Outcome: O-FAST\nStage: S-KYC", "story");

        await _github.Handler.HandleAsync(_github.IssuesEvent(3, "opened"), default);

        var comment = Assert.Single(_github.Issue(3).Comments);
        Assert.Contains("### ⚠️ Anatomy: this story needs 1 link", comment.Body, StringComparison.Ordinal);
        Assert.Contains("**To fix:** add `Component: C-KYC` to the description of this story.", comment.Body, StringComparison.Ordinal);
        Assert.Contains("POST /repos/acme/shop/issues/3/comments", _github.Sent);
        Assert.Equal(["story", "anatomy:no-component"], _github.Issue(3).Labels);

        var writes = Api.Writes.Count;
        var again = await _github.Handler.HandleAsync(_github.IssuesEvent(3), default);
        Assert.Equal((0, writes), (again.Writes, Api.Writes.Count));

        _github.Issue(3).Body = "Outcome: O-FAST\nStage: S-KYC\nComponent: C-KYC";
        var before = Api.Requests.Count;
        await _github.Handler.HandleAsync(_github.IssuesEvent(3), default);
        var sent = _github.Sent.Skip(before).ToList();

        var edited = Assert.Single(_github.Issue(3).Comments);
        Assert.Equal(comment.Id, edited.Id);
        Assert.Contains("### ✅ Anatomy: all links in place", edited.Body, StringComparison.Ordinal);
        Assert.Equal(["story"], _github.Issue(3).Labels);
        Assert.Contains($"PATCH /repos/acme/shop/issues/comments/{comment.Id}", sent);
        Assert.DoesNotContain("POST /repos/acme/shop/issues/3/comments", sent);
    }

    [Fact]
    public async Task HandleAsync_HealthyStory_PostsNoComment()
    {
        _github.AddIssue(3, "Outcome: O-FAST\nStage: S-KYC\nComponent: C-KYC", "story");

        var result = await _github.Handler.HandleAsync(_github.IssuesEvent(3, "opened"), default);

        Assert.Empty(_github.Issue(3).Comments);
        Assert.Equal(0, result.Writes);
    }

    [Fact]
    public async Task HandleAsync_ItemCommentsNever_LabelsStoryWithoutReadingItsComments()
    {
        using var github = new GitHubHarness(realParser: true);
        github.SetAnatomy("""
            version: 1
            outcomes:
              - id: O-FAST
                name: Faster onboarding
            valueStreams:
              - id: VS-ONB
                name: Onboarding
                stages:
                  - id: S-KYC
                    name: Verify identity
            components:
              - id: C-KYC
                name: KYC rules
                kind: rule
            policy:
              itemComments: never
            """);
        github.AddIssue(3, "Outcome: O-FAST\nStage: S-KYC", "story");

        await github.Handler.HandleAsync(github.IssuesEvent(3, "opened"), default);

        Assert.Empty(github.Issue(3).Comments);
        Assert.Equal(["story", "anatomy:no-component"], github.Issue(3).Labels);
        Assert.DoesNotContain(Comments, github.Sent);
    }

    public void Dispose() => _github.Dispose();
}
