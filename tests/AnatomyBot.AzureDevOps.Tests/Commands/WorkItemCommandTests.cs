using AnatomyBot.Core.Audit;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Fakes.AzureDevOps;

namespace AnatomyBot.AzureDevOps.Tests.Commands;

/// <summary><c>/anatomy</c> commands in work-item comments, end to end: the published <c>workitem.commented</c> shape
/// through the production handler, the fake Azure DevOps held to the published descriptions with every request
/// asserted, and a SQLite audit trail.</summary>
public sealed class WorkItemCommandTests : CommandTestBase
{
    private const string Creator = "pat.po@contoso.example";
    private const string Api = "/contoso/Fabrikam/_apis/wit/workItems/20";
    private const string ReplyPost = "POST " + Api + "/comments?format=markdown&api-version=7.1-preview.4";

    private readonly FakeWorkItem _item;

    public WorkItemCommandTests() =>
        _item = Fake.Add(new FakeWorkItem { Id = 20, Title = "Scan passports", Description = "<p>Stage: S-VERIFY</p>", CreatedBy = Creator });

    /// <summary>The bot's sticky comment first (it learns its identity from it), then a person's comment.</summary>
    private async Task<(FakeWorkItemComment Comment, int Rev)> Said(string text, string author, string format = "markdown")
    {
        if (_item.Comments.Count == 0)
        {
            await Deliver("workitem.updated", Payloads.WorkItemUpdated(20));
        }

        var comment = Fake.Comment(20, author, text, format);
        return (comment, _item.Rev);
    }

    private Task<DeliveryResult> Commented(int rev) => Deliver("workitem.commented", Payloads.WorkItemCommented(20, rev));

    /// <summary>The requests of the last delivery as <c>METHOD path?query</c>.</summary>
    private List<string> Requests() => [.. Fake.Requests.Select(r => r.ToString())];

    /// <summary>The reads a workitem.commented delivery makes before it answers anything: the revision, then the comment.</summary>
    private static string[] CommentReads(int rev, int commentId) =>
        [$"GET {Api}/revisions/{rev}?api-version=7.1", $"GET {Api}/comments/{commentId}?api-version=7.1-preview.4"];

    [Fact]
    public async Task HandleAsync_RecheckByAnyone_RepliedWithANewCommentOnceAndAudited()
    {
        var (said, rev) = await Said("Thanks.\n/anatomy recheck", "visitor@contoso.example");
        var sticky = _item.Comments[0];

        var result = await Commented(rev);

        var reply = _item.Comments[^1];
        Assert.Equal("<!-- anatomybot:reply -->\n🔄 Re-checked this story: 1 gap, the worst `warn`.\n", reply.Text);
        Assert.Equal((FakeAzureDevOps.BotUniqueName, "markdown"), (reply.Author, reply.Format));
        Assert.Equal(
            [
                .. CommentReads(rev, said.Id),
                "POST /contoso/Fabrikam/_apis/wit/workitemsbatch?api-version=7.1",
                $"GET {Api}/comments?$top=200&order=asc&api-version=7.1-preview.4",
                ReplyPost,
            ],
            Requests());
        Assert.Equal(3, _item.Comments.Count);
        Assert.Equal(1, sticky.Version);
        Assert.Contains(result.Evaluations, e => e.Item.Id == "20");
        var entry = Assert.Single(await AuditAsync());
        Assert.Equal(
            ("visitor@contoso.example", AuditAction.Recheck, "20", $"https://dev.azure.com/contoso/Fabrikam/_apis/wit/workItems/20/comments/{said.Id}"),
            (entry.Actor, entry.Action, entry.Item, entry.Origin));

        // Delivered again (Azure DevOps retrying, or a second subscription): the comment acts once.
        await Commented(rev);

        Assert.Equal(3, _item.Comments.Count);
        Assert.Single(await AuditAsync());
        Assert.DoesNotContain(ReplyPost, Requests());

        // The reply's own notification: the bot's comment is never read as a command.
        await Commented(_item.Rev);

        Assert.Equal(CommentReads(_item.Rev, reply.Id), Requests().Take(2));
        Assert.DoesNotContain(ReplyPost, Requests());
        Assert.Equal(3, _item.Comments.Count);
    }

    [Fact]
    public async Task HandleAsync_LinkByTheWorkItemsCreator_TagsTheItemItselfAndRechecks()
    {
        var (_, rev) = await Said("/anatomy link component:C-KYC", Creator);

        await Commented(rev);

        Assert.Equal("component:C-KYC", _item.Tags);
        Assert.Equal("<!-- anatomybot:reply -->\n🔗 Added the tag `component:C-KYC` to `20` and re-checked: all links in place.\n", _item.Comments[^1].Text);
        Assert.Contains("### ✅ Anatomy: all links in place", _item.Comments[0].Text, StringComparison.Ordinal);
        var entry = Assert.Single(await AuditAsync());
        Assert.Equal((AuditAction.Link, "component:C-KYC", Creator, "20"), (entry.Action, entry.Subject, entry.Actor, entry.Item));
    }

    [Fact]
    public async Task HandleAsync_WaiveByANamedApprover_WaivesTheGapOnTheWorkItem()
    {
        var (_, rev) = await Said("/anatomy waive no-component until 2026-12-31 because Spike; the spec follows", Approver);

        var result = await Commented(rev);

        Assert.Equal(
            "<!-- anatomybot:reply -->\n✅ Waived `no-component` on `20` until 2026-12-31, approved by @arch@contoso.example: Spike; the spec follows\n\n"
            + "The gap stays visible, marked waived; it fails no check and adds no label until the waiver lapses.\n",
            _item.Comments[^1].Text);
        var gap = Assert.Single(Assert.Single(result.Evaluations, e => e.Item.Id == "20").Gaps);
        Assert.Equal(("no-component", "@" + Approver), (gap.Code, gap.Waiver?.ApprovedBy));
        var entry = Assert.Single(await AuditAsync());
        Assert.Equal((AuditAction.Waive, "no-component", "20", new DateOnly(2026, 12, 31)), (entry.Action, entry.Subject, entry.Item, entry.Until));
    }

    [Theory]
    [InlineData("/anatomy waive no-component until 2026-12-31 because spike", "/anatomy waive", "the waiver approvers (policy.waivers.approvers: arch@contoso.example); on Azure DevOps only users named there by sign-in address are recognised, not groups")]
    [InlineData("/anatomy link component:C-KYC", "/anatomy link", "the work item's creator and the waiver approvers (policy.waivers.approvers: arch@contoso.example)")]
    public async Task HandleAsync_WithoutThePermission_RefusedSayingWhoMay(string command, string verb, string who)
    {
        var (_, rev) = await Said(command, "mallory@contoso.example");
        var tags = _item.Tags;

        await Commented(rev);

        Assert.Equal(
            $"<!-- anatomybot:reply -->\n⛔ `{command}`: @mallory@contoso.example may not run `{verb}`; it is for {who}. Nothing was changed.\n",
            _item.Comments[^1].Text);
        Assert.Empty(await AuditAsync());
        Assert.Equal("anatomy:no-component", tags);
        Assert.Equal(tags, _item.Tags);
    }

    [Fact]
    public async Task HandleAsync_EditedComment_IsNotRunAgain()
    {
        var (said, added) = await Said("/anatomy recheck", "visitor@contoso.example");
        Fake.EditComment(20, said.Id, "/anatomy explain");
        var edited = _item.Rev;

        await Commented(edited);

        Assert.Equal([$"GET {Api}/revisions/{edited}?api-version=7.1"], Requests().Take(1));
        Assert.DoesNotContain(Requests(), r => r.Contains($"/comments/{said.Id}", StringComparison.Ordinal));

        // The notification of the comment as first written, arriving after the edit: the comment is at version 2.
        await Commented(added);

        Assert.Equal(CommentReads(added, said.Id), Requests().Take(2));
        Assert.Equal(2, _item.Comments.Count);
        Assert.DoesNotContain(ReplyPost, Requests());
        Assert.Empty(await AuditAsync());
    }

    [Theory]
    [InlineData("```\n/anatomy recheck\n```", "markdown")]
    [InlineData("> /anatomy recheck", "markdown")]
    [InlineData("<div><pre>/anatomy recheck</pre></div>", "html")]
    [InlineData("<blockquote>/anatomy recheck</blockquote>", "html")]
    public async Task HandleAsync_CommandInACodeBlockOrQuote_IsNotACommand(string text, string format)
    {
        var (said, rev) = await Said(text, "visitor@contoso.example", format);

        await Commented(rev);

        Assert.Equal(CommentReads(rev, said.Id), Requests().Take(2));
        Assert.Equal(2, _item.Comments.Count);
        Assert.DoesNotContain(ReplyPost, Requests());
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task HandleAsync_CommandFromTheBotsOwnIdentity_IsNotRun()
    {
        var (said, rev) = await Said("/anatomy recheck", FakeAzureDevOps.BotUniqueName);

        await Commented(rev);

        Assert.Equal(CommentReads(rev, said.Id), Requests().Take(2));
        Assert.DoesNotContain(ReplyPost, Requests());
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task HandleAsync_HtmlComment_CommandRead()
    {
        var (_, rev) = await Said("<div>Please look again.</div><div>/anatomy&nbsp;recheck</div>", "visitor@contoso.example", "html");

        await Commented(rev);

        Assert.Equal("<!-- anatomybot:reply -->\n🔄 Re-checked this story: 1 gap, the worst `warn`.\n", _item.Comments[^1].Text);
        Assert.Single(await AuditAsync());
    }

    [Fact]
    public async Task HandleAsync_ReplyQuotingTheStickyMarker_IsNeverTakenForTheStickyComment()
    {
        var (_, rev) = await Said("/anatomy link <!-- anatomybot:trace -->", "visitor@contoso.example");
        var sticky = _item.Comments[0];
        await Commented(rev);
        var reply = _item.Comments[^1];
        Assert.Contains("<!-- anatomybot:trace -->", reply.Text, StringComparison.Ordinal);

        _item.Description = "<p>Stage: S-VERIFY</p><p>Component: C-KYC</p>";
        _item.Rev++;
        await Deliver("workitem.updated", Payloads.WorkItemUpdated(20));

        Assert.Contains("### ✅ Anatomy: all links in place", sticky.Text, StringComparison.Ordinal);
        Assert.Equal((1, false), (reply.Version, reply.IsDeleted));
        Assert.DoesNotContain(Requests(), r => r.Contains($"/comments/{reply.Id}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HandleAsync_RevisionWithoutAComment_NothingAnswered()
    {
        await Said("/anatomy recheck", "visitor@contoso.example");
        _item.Rev++;

        await Commented(_item.Rev);

        Assert.Equal([$"GET {Api}/revisions/{_item.Rev}?api-version=7.1"], Requests().Take(1));
        Assert.DoesNotContain(Requests(), r => r.Contains("/comments", StringComparison.Ordinal) && !r.EndsWith("order=asc&api-version=7.1-preview.4", StringComparison.Ordinal));
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task HandleAsync_WorkItemOfAProjectWithoutAnatomy_NotAnswered()
    {
        Fake.AddProject("Tailspin", "7b7b7b7b-8888-4999-aaaa-bbbbbbbbbbbb");
        Fake.Add(new FakeWorkItem { Id = 30, Project = "Tailspin", Title = "Elsewhere" });
        var said = Fake.Comment(30, "visitor@contoso.example", "/anatomy recheck");

        var result = await Deliver("workitem.commented", Payloads.WorkItemCommented(30, Fake.WorkItems[30].Rev));

        Assert.Equal("project Tailspin has no configured anatomy; nothing is written there", result.Skipped);
        Assert.Equal(
            ["GET /contoso/Fabrikam/_apis/wit/workItems/30/revisions/2?api-version=7.1", $"GET /contoso/Fabrikam/_apis/wit/workItems/30/comments/{said.Id}?api-version=7.1-preview.4"],
            Requests().Take(2));
        Assert.Empty(Fake.Writes);
        Assert.Single(Fake.WorkItems[30].Comments);
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task HandleAsync_CommentedBodyWithoutResourceOrRevision_TreatedAsTheOtherEvents()
    {
        var skipped = await Deliver("workitem.commented", """{ "id": "wc-x", "eventType": "workitem.commented", "resource": [] }""");

        Assert.Equal("the notification has no 'resource' object", skipped.Skipped);
        Assert.Empty(Fake.Requests);

        // No revision: nothing names a comment, so the item is reconciled as after an update, and no command runs.
        await Deliver("workitem.commented", """{ "id": "wc-y", "eventType": "workitem.commented", "resource": { "id": 20 } }""");

        Assert.DoesNotContain(Requests(), r => r.Contains("/revisions/", StringComparison.Ordinal));
        Assert.Contains("POST /contoso/Fabrikam/_apis/wit/workitemsbatch?api-version=7.1", Requests());
        Assert.Empty(await AuditAsync());
    }
}
