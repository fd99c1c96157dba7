using AnatomyBot.Core.Audit;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Fakes.AzureDevOps;

namespace AnatomyBot.AzureDevOps.Tests.Commands;

/// <summary><c>/anatomy</c> commands in pull-request threads, end to end: the published comment event's shape through the
/// production handler, the fake Azure DevOps held to the 7.1 descriptions, and a SQLite audit trail.</summary>
public sealed class PullRequestCommandTests : CommandTestBase
{
    private readonly FakePullRequest _pr;

    public PullRequestCommandTests() => _pr = AddPullRequestLinkingAStory();

    /// <summary>The bot's report thread first (it learns its identity from it), then a person's thread.</summary>
    private async Task<FakeThread> Said(string content, string author, int threadId = 900, bool edited = false)
    {
        if (_pr.Threads.Count == 0)
        {
            await Deliver("git.pullrequest.updated", Payloads.PullRequest("git.pullrequest.updated", 5));
        }

        var thread = new FakeThread { Id = threadId };
        thread.Comments.Add(new FakeThreadComment { Id = 1, Content = content, Author = author, Edited = edited });
        _pr.Threads.Add(thread);
        return thread;
    }

    private Task<DeliveryResult> Commented(int threadId, int commentId = 1) =>
        Deliver("ms.vss-code.git-pullrequest-comment-event", Payloads.PullRequestThreadComment(threadId, commentId));

    [Fact]
    public async Task HandleAsync_RecheckByAnyone_RepliedInTheThreadOnceAndAudited()
    {
        var thread = await Said("Thanks.\n/anatomy recheck", "visitor@contoso.example");

        var result = await Commented(900);

        var reply = thread.Comments[^1];
        Assert.Equal((2, 1), (thread.Comments.Count, reply.ParentCommentId));
        Assert.Equal("<!-- anatomybot:reply -->\n🔄 Re-checked this pull request: 1 gap, the worst `block`.\n", reply.Content);
        Assert.Contains(result.Evaluations, e => e.Item.Id == "Fabrikam/Web!5");
        var entry = Assert.Single(await AuditAsync());
        Assert.Equal(
            ("visitor@contoso.example", AuditAction.Recheck, "Fabrikam/Web!5", "https://dev.azure.com/contoso/Fabrikam/_git/Web/pullrequest/5?discussionId=900"),
            (entry.Actor, entry.Action, entry.Item, entry.Origin));

        await Commented(900);

        Assert.Equal(2, thread.Comments.Count);
        Assert.Single(await AuditAsync());
    }

    [Fact]
    public async Task HandleAsync_TheBotsOwnEditedOrCodeComments_AreNotRun()
    {
        await Said("/anatomy recheck", "visitor@contoso.example", threadId: 901, edited: true);
        var code = await Said("```\n/anatomy recheck\n```", "visitor@contoso.example", threadId: 902);
        var own = _pr.Threads[0];

        await Commented(901);
        await Commented(902);
        await Commented(own.Id);

        Assert.Equal([1, 1, 1], _pr.Threads.Select(t => t.Comments.Count));
        Assert.Single(code.Comments);
        Assert.Empty(await AuditAsync());
        Assert.DoesNotContain(Fake.Writes, w => w.Uri.AbsolutePath.EndsWith("/comments", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HandleAsync_WaiveByANamedApprover_WaivesAndPassesTheStatus()
    {
        var thread = await Said("/anatomy waive no-component until 2026-12-31 because Spike; the spec follows", Approver);
        Assert.Equal("failed", _pr.Statuses[^1].State);

        var result = await Commented(900);

        Assert.Equal(
            "<!-- anatomybot:reply -->\n✅ Waived `no-component` on `Fabrikam/Web!5` until 2026-12-31, approved by @arch@contoso.example: Spike; the spec follows\n\n"
            + "The gap stays visible, marked waived; it fails no check and adds no label until the waiver lapses.\n",
            thread.Comments[^1].Content);
        Assert.Equal("succeeded", _pr.Statuses[^1].State);
        var gap = Assert.Single(Assert.Single(result.Evaluations, e => e.Item.Id == "Fabrikam/Web!5").Gaps);
        Assert.Equal(("no-component", "@" + Approver), (gap.Code, gap.Waiver?.ApprovedBy));
        var entry = Assert.Single(await AuditAsync());
        Assert.Equal((AuditAction.Waive, "no-component", new DateOnly(2026, 12, 31)), (entry.Action, entry.Subject, entry.Until));

        await Deliver("git.pullrequest.updated", Payloads.PullRequest("git.pullrequest.updated", 5));

        Assert.Equal("succeeded", _pr.Statuses[^1].State);
    }

    [Theory]
    [InlineData("/anatomy waive no-component until 2026-12-31 because spike", "/anatomy waive", "the waiver approvers (policy.waivers.approvers: arch@contoso.example); on Azure DevOps only users named there by sign-in address are recognised, not groups")]
    [InlineData("/anatomy link component:C-KYC", "/anatomy link", "the pull request's creator and the waiver approvers (policy.waivers.approvers: arch@contoso.example)")]
    public async Task HandleAsync_WithoutThePermission_RefusedSayingWhoMay(string command, string verb, string who)
    {
        var thread = await Said(command, "mallory@contoso.example");

        await Commented(900);

        Assert.Equal(
            $"<!-- anatomybot:reply -->\n⛔ `{command}`: @mallory@contoso.example may not run `{verb}`; it is for {who}. Nothing was changed.\n",
            thread.Comments[^1].Content);
        Assert.Empty(await AuditAsync());
        Assert.Null(Fake.WorkItems[20].Tags);
    }

    [Fact]
    public async Task HandleAsync_LinkByThePullRequestsCreator_TagsItsOneWorkItemAndRechecks()
    {
        var thread = await Said("/anatomy link component:C-KYC", "dev@contoso.example");

        await Commented(900);

        Assert.Equal("component:C-KYC", Fake.WorkItems[20].Tags);
        Assert.Equal("<!-- anatomybot:reply -->\n🔗 Added the tag `component:C-KYC` to `20` and re-checked: all links in place.\n", thread.Comments[^1].Content);
        Assert.Equal("succeeded", _pr.Statuses[^1].State);
        var entry = Assert.Single(await AuditAsync());
        Assert.Equal((AuditAction.Link, "component:C-KYC", "dev@contoso.example"), (entry.Action, entry.Subject, entry.Actor));
    }

    [Fact]
    public async Task HandleAsync_UnknownCommand_AnsweredWithTheList()
    {
        var thread = await Said("/anatomy approve", "visitor@contoso.example");

        await Commented(900);

        Assert.StartsWith("<!-- anatomybot:reply -->\n❓ `/anatomy approve` is not a command I know. The commands:\n", thread.Comments[^1].Content, StringComparison.Ordinal);
        Assert.Empty(await AuditAsync());
    }
}
