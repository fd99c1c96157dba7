using AnatomyBot.AzureDevOps.Reading;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Core.Reconcile;
using AnatomyBot.Fakes.AzureDevOps;

namespace AnatomyBot.AzureDevOps.Tests.Handling;

/// <summary>The sticky comment in a work item's discussion (the preview Comments API, Markdown): one when a gap first
/// appears, edited in place as the item changes, "all links in place" when fixed, never a second one; only the bot's
/// own comment (marker and the bot's identity) is ever edited or deleted; none with <c>policy.itemComments: never</c>
/// or on a closed item. Requests are asserted exactly, on the fake held to the published specification.</summary>
public sealed class WorkItemCommentTests : HandlerTestBase
{
    private const string Comments = "/contoso/Fabrikam/_apis/wit/workItems/10/comments";
    private const string List = "GET " + Comments + "?$top=200&order=asc&api-version=7.1-preview.4";
    private const string Add = "POST " + Comments + "?format=markdown&api-version=7.1-preview.4";

    [Fact]
    public async Task WorkItemUpdated_GapAppearsChangesThenFixed_OneCommentEditedInPlaceToAllLinksInPlace()
    {
        var item = Fake.Add(new FakeWorkItem { Id = 10, Title = "Scan passports" });

        var first = await WorkItemUpdated(10);

        var comment = Assert.Single(item.Comments);
        Assert.Equal([Add, List], CommentRequests());
        Assert.Equal("markdown", comment.Format);
        Assert.Equal(FakeAzureDevOps.BotUniqueName, comment.Author);
        Assert.StartsWith(Markers.Comment + "\n", comment.Text, StringComparison.Ordinal);
        Assert.Contains("### ⚠️ Anatomy: this story needs 3 links", comment.Text, StringComparison.Ordinal);
        Assert.Contains("`Stage:", comment.Text, StringComparison.Ordinal);
        Assert.Equal(comment.Text, BodyOf(Fake.Requests.Single(r => r.ToString() == Add)));
        Assert.Equal(2, first.Writes);

        item.Description = "<p>Stage: S-VERIFY</p>";
        item.Rev++;
        await WorkItemUpdated(10);

        var edited = Assert.Single(item.Comments);
        var patch = $"PATCH {Comments}/{comment.Id}?format=markdown&api-version=7.1-preview.4";
        Assert.Equal([List, patch], CommentRequests());
        Assert.Equal((comment.Id, 2), (edited.Id, edited.Version));
        Assert.Contains("### ⚠️ Anatomy: this story needs 1 link", edited.Text, StringComparison.Ordinal);
        Assert.Contains("- **To fix:** add `Component: ", edited.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("`Stage: ", edited.Text, StringComparison.Ordinal);

        item.Description = "<p>Stage: S-VERIFY</p><p>Component: C-KYC</p>";
        item.Rev++;
        await WorkItemUpdated(10);

        var fixedComment = Assert.Single(item.Comments);
        Assert.Equal([List, patch], CommentRequests());
        Assert.Contains("### ✅ Anatomy: all links in place", fixedComment.Text, StringComparison.Ordinal);
        Assert.Empty(TagList.Parse(item.Tags));

        var again = await WorkItemUpdated(10);

        Assert.Equal(0, again.Writes);
        Assert.Equal([List], CommentRequests());
        Assert.Single(item.Comments);
    }

    [Fact]
    public async Task WorkItemUpdated_HealthyStory_NoComment()
    {
        var item = Fake.Add(new FakeWorkItem { Id = 10, Title = "Scan passports", Description = "<p>Stage: S-VERIFY</p><p>Component: C-KYC</p>" });

        var result = await WorkItemUpdated(10);

        Assert.Empty(item.Comments);
        Assert.Equal(0, result.Writes);
        Assert.Empty(CommentRequests());
    }

    [Fact]
    public async Task WorkItemUpdated_AfterARestartOwnCommentExists_OldestOwnKeptAndEditedTheNewOneDeleted()
    {
        // After a start the bot's identity is unknown until it writes: it creates, learns who it is, lists its own
        // comments and keeps the oldest.
        var item = Fake.Add(new FakeWorkItem { Id = 10, Title = "Scan passports", Description = "<p>Stage: S-VERIFY</p>" });
        var old = new FakeWorkItemComment { Id = 50, Text = $"{Markers.Comment}\n### ⚠️ Anatomy: this story needs 2 links" };
        item.Comments.Add(old);

        await WorkItemUpdated(10);

        var created = Assert.Single(item.Comments, c => c.Id != old.Id);
        Assert.Equal(
            [Add, List, $"DELETE {Comments}/{created.Id}?api-version=7.1-preview.4", $"PATCH {Comments}/50?format=markdown&api-version=7.1-preview.4"],
            CommentRequests());
        Assert.True(created.IsDeleted);
        Assert.False(old.IsDeleted);
        Assert.Contains("### ⚠️ Anatomy: this story needs 1 link", old.Text, StringComparison.Ordinal);

        await WorkItemUpdated(10);

        Assert.Equal([List], CommentRequests());
        Assert.Single(item.Comments, c => !c.IsDeleted);
    }

    [Fact]
    public async Task WorkItemUpdated_CommentByAnotherUserCarryingTheMarker_IsNeverEditedNorDeleted()
    {
        var item = Fake.Add(new FakeWorkItem { Id = 10, Title = "Scan passports" });
        var forged = new FakeWorkItemComment { Id = 50, Text = $"{Markers.Comment}\n### ✅ Anatomy: all links in place", Author = "mallory@contoso.example" };
        item.Comments.Add(forged);

        await WorkItemUpdated(10);
        item.Description = "<p>Stage: S-VERIFY</p>";
        item.Rev++;
        await WorkItemUpdated(10);

        Assert.Equal((1, $"{Markers.Comment}\n### ✅ Anatomy: all links in place", false), (forged.Version, forged.Text, forged.IsDeleted));
        var own = Assert.Single(item.Comments, c => c.Id != forged.Id);
        Assert.Equal(FakeAzureDevOps.BotUniqueName, own.Author);
        Assert.Contains("this story needs 1 link", own.Text, StringComparison.Ordinal);
        Assert.Equal([List, $"PATCH {Comments}/{own.Id}?format=markdown&api-version=7.1-preview.4"], CommentRequests());
        Assert.DoesNotContain(Fake.Requests, r => r.Uri.AbsolutePath.EndsWith("/comments/50", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WorkItemUpdated_OwnCommentDeletedByAPerson_IsWrittenAgain()
    {
        var item = Fake.Add(new FakeWorkItem { Id = 10, Title = "Scan passports" });
        await WorkItemUpdated(10);
        var deleted = Assert.Single(item.Comments);
        deleted.IsDeleted = true;
        item.Description = "<p>Stage: S-VERIFY</p>";
        item.Rev++;

        await WorkItemUpdated(10);

        Assert.Equal([List, Add, List], CommentRequests());
        Assert.Contains("this story needs 1 link", Assert.Single(item.Comments, c => !c.IsDeleted).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkItemUpdated_OwnCommentOnTheSecondPage_FoundThroughTheContinuationToken()
    {
        var item = Fake.Add(new FakeWorkItem { Id = 10, Title = "Scan passports" });
        KnowOwnIdentity();
        for (var i = 0; i < 250; i++)
        {
            item.Comments.Add(new FakeWorkItemComment { Id = 1_000 + i, Text = "Looked at it " + i, Author = "pat.po@contoso.example" });
        }

        var own = new FakeWorkItemComment { Id = 2_000, Text = $"{Markers.Comment}\nold" };
        item.Comments.Add(own);

        await WorkItemUpdated(10);

        Assert.Equal(
            [List, $"GET {Comments}?$top=200&order=asc&continuationToken=1200&api-version=7.1-preview.4", $"PATCH {Comments}/2000?format=markdown&api-version=7.1-preview.4"],
            CommentRequests());
        Assert.Contains("this story needs 3 links", own.Text, StringComparison.Ordinal);
        Assert.Equal(251, item.Comments.Count);
    }

    [Fact]
    public async Task WorkItemUpdated_DiscussionLongerThanTheCapWithoutOwnComment_NothingWrittenThere()
    {
        var item = Fake.Add(new FakeWorkItem { Id = 10, Title = "Scan passports" });
        KnowOwnIdentity();
        for (var i = 0; i < (WorkItemComments.MaxPages * FakeAzureDevOps.MaxCommentPage) + 1; i++)
        {
            item.Comments.Add(new FakeWorkItemComment { Id = 1_000 + i, Text = "Looked at it " + i, Author = "pat.po@contoso.example" });
        }

        var result = await WorkItemUpdated(10);

        Assert.Equal(WorkItemComments.MaxPages, CommentRequests().Count);
        Assert.All(CommentRequests(), r => Assert.StartsWith("GET ", r, StringComparison.Ordinal));
        Assert.Equal(1, result.Writes);
        Assert.Contains("anatomy:no-stage", TagList.Parse(item.Tags));
    }

    [Fact]
    public async Task WorkItemUpdated_ClosedStory_TagsAndCommentLeftAlone()
    {
        var item = Fake.Add(new FakeWorkItem { Id = 10, Title = "Scan passports", State = "Closed" });

        var result = await WorkItemUpdated(10);

        Assert.Empty(item.Comments);
        Assert.Empty(CommentRequests());
        Assert.Equal(0, result.Writes);
    }

    [Fact]
    public async Task WorkItemUpdated_ItemCommentsNever_TagsOnlyAndTheDiscussionNotRead()
    {
        using var host = new TestHost(realAnatomy: true);
        host.Anatomy.Files["/anatomy.yml"] = TestAnatomy.Yaml() + "policy:\n  itemComments: never\n";
        var item = host.Fake.Add(new FakeWorkItem { Id = 10, Title = "Scan passports" });
        var handler = host.Get<IDeliveryHandler>();

        var result = await handler.HandleAsync(
            new Delivery { Platform = Platforms.AzureDevOps, Id = "d1", EventName = "workitem.updated", Body = Payloads.WorkItemUpdated(10), ReceivedAt = host.Time.GetUtcNow() },
            CancellationToken.None);

        Assert.Empty(item.Comments);
        Assert.Equal(1, result.Writes);
        Assert.Contains("anatomy:no-component", TagList.Parse(item.Tags));
        Assert.DoesNotContain(host.Fake.Requests, r => r.Uri.AbsolutePath.Contains("/comments", StringComparison.Ordinal));
    }

    private List<string> CommentRequests() =>
        [.. Fake.Requests.Where(r => r.Uri.AbsolutePath.Contains("/comments", StringComparison.Ordinal)).Select(r => r.ToString())];

    private static string? BodyOf(AnatomyBot.Fakes.RecordedRequest request) =>
        (string?)System.Text.Json.Nodes.JsonNode.Parse(request.Body)?["text"];

    /// <summary>The bot's identity as it is after it has written once since the start.</summary>
    private void KnowOwnIdentity() =>
        Host.Get<AzureDevOpsBotIdentity>().Learn((string?)FakeAzureDevOpsJson.Identity(FakeAzureDevOps.BotUniqueName)["id"]);
}
