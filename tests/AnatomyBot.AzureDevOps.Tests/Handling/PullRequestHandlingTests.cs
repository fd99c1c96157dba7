using AnatomyBot.Core.Reconcile;
using AnatomyBot.Fakes.AzureDevOps;

namespace AnatomyBot.AzureDevOps.Tests.Handling;

public sealed class PullRequestHandlingTests : HandlerTestBase
{
    private FakePullRequest PrLinkedToStory(string storyDescription, params string[] paths)
    {
        Fake.Add(new FakeWorkItem { Id = 20, Title = "Scan passports", Description = storyDescription });
        var pr = new FakePullRequest { Number = 5, Title = "Add scanner", Iterations = 2 };
        pr.WorkItemIds.Add(20);
        pr.ChangedPaths.AddRange(paths);
        return Fake.Add(pr);
    }

    [Fact]
    public async Task PrMissingComponent_GetsActiveThreadAndFailedStatusOnLatestIteration()
    {
        var pr = PrLinkedToStory("<p>Stage: S-VERIFY</p>", "docs/readme.md");

        var result = await PullRequestUpdated(5);

        var thread = Assert.Single(pr.Threads);
        Assert.Equal("active", thread.Status);
        Assert.StartsWith(Markers.Comment, thread.Comments[0].Content, StringComparison.Ordinal);
        var status = Assert.Single(pr.Statuses);
        Assert.Equal(("failed", 2, "anatomybot", "linkage"), (status.State, status.IterationId, status.Genre, status.Name));
        Assert.Equal(2, result.Writes);
        Assert.Contains(result.Evaluations, e => e.Item.Id == "Fabrikam/Web!5");
    }

    [Fact]
    public async Task RepeatedAndCommentEvents_MakeZeroWrites_NoDuplicateThread()
    {
        var pr = PrLinkedToStory("<p>Stage: S-VERIFY</p>");
        await PullRequestUpdated(5);

        var again = await PullRequestUpdated(5);
        var comment = await Deliver("ms.vss-code.git-pullrequest-comment-event", Payloads.PullRequestComment(5));

        Assert.Equal(0, again.Writes);
        Assert.Equal(0, comment.Writes);
        Assert.Single(pr.Threads);
        Assert.Single(pr.Statuses);
    }

    [Fact]
    public async Task FixingTheStory_ClearsThePrStatusWithoutAPush()
    {
        var pr = PrLinkedToStory("<p>Stage: S-VERIFY</p>");
        await PullRequestUpdated(5);
        Fake.WorkItems[20].Description = "<p>Stage: S-VERIFY</p><p>Component: C-KYC</p>";

        await WorkItemUpdated(20);

        Assert.Equal("succeeded", pr.Statuses[^1].State);
        var thread = Assert.Single(pr.Threads);
        Assert.Equal("fixed", thread.Status);
        Assert.DoesNotContain(Fake.Writes, w => w.Method == HttpMethod.Post && w.Uri.AbsolutePath.EndsWith("/threads", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ThreadAnotherWorkerCreatesAtTheSameMoment_IsMergedIntoOne()
    {
        var pr = PrLinkedToStory("<p>Stage: S-VERIFY</p>");
        var others = 0;
        Fake.BeforeThreadCreated = p =>
        {
            // Another worker (nothing serialises writes to one pull request) creates its thread first, from an older state.
            if (others++ == 0)
            {
                var other = new FakeThread { Id = 1, Status = "fixed" };
                other.Comments.Add(new FakeThreadComment { Id = 1, Content = $"{Markers.Comment}\nan older evaluation" });
                p.Threads.Add(other);
            }
        };

        await PullRequestUpdated(5);

        var live = Assert.Single(pr.Threads, t => t.Comments.Any(c => !c.IsDeleted));
        Assert.Equal(1, live.Id);
        Assert.Equal("active", live.Status);
        Assert.StartsWith(Markers.Comment, live.Comments[0].Content, StringComparison.Ordinal);
        Assert.DoesNotContain("an older evaluation", live.Comments[0].Content, StringComparison.Ordinal);
        var created = Assert.Single(pr.Threads, t => t.Id != 1).Id;
        Assert.Equal(
            ["POST threads", $"DELETE threads/{created}/comments/1", "PATCH threads/1/comments/1", "PATCH threads/1"],
            Fake.Writes.Where(w => w.Uri.AbsolutePath.Contains("/threads", StringComparison.Ordinal))
                .Select(w => $"{w.Method} {w.Uri.AbsolutePath[(w.Uri.AbsolutePath.IndexOf("threads", StringComparison.Ordinal))..]}"));
    }

    [Fact]
    public async Task NewIteration_GetsItsOwnStatus()
    {
        var pr = PrLinkedToStory("<p>Stage: S-VERIFY</p>");
        await PullRequestUpdated(5);
        pr.Iterations = 3;

        var result = await PullRequestUpdated(5);

        Assert.Equal(1, result.Writes);
        Assert.Equal(3, pr.Statuses[^1].IterationId);
    }

    [Fact]
    public async Task DeletedBotThread_IsRecreated_ForeignThreadsUntouched()
    {
        var pr = PrLinkedToStory("<p>Stage: S-VERIFY</p>");
        var foreign = new FakeThread { Id = 1 };
        foreign.Comments.Add(new FakeThreadComment { Id = 1, Content = "LGTM" });
        pr.Threads.Add(foreign);
        await PullRequestUpdated(5);
        pr.Threads[1].IsDeleted = true;

        await PullRequestUpdated(5);

        Assert.Equal(3, pr.Threads.Count);
        Assert.Equal("LGTM", pr.Threads[0].Comments[0].Content);
    }

    [Fact]
    public async Task PullRequestUpdated_ThreadByAnotherUserCarryingTheMarker_IsNeverEditedNorDeleted()
    {
        // The identity comes from the answer to the status the bot posts: _apis/connectionData, which names the caller,
        // is not in the published REST specifications the fake is held to (Git, work item tracking, service hooks).
        var pr = PrLinkedToStory("<p>Stage: S-VERIFY</p>");
        var forged = new FakeThread { Id = 1, Status = "fixed" };
        forged.Comments.Add(new FakeThreadComment { Id = 1, Content = $"{Markers.Comment}\nAll links in place.", Author = "Mallory" });
        pr.Threads.Add(forged);

        await PullRequestUpdated(5);
        pr.Iterations = 3;
        await PullRequestUpdated(5);

        Assert.Equal(("fixed", $"{Markers.Comment}\nAll links in place.", false), (forged.Status, forged.Comments[0].Content, forged.Comments[0].IsDeleted));
        Assert.Single(forged.Comments);
        var own = Assert.Single(pr.Threads, t => t.Id != forged.Id);
        Assert.Equal(("AnatomyBot", "active"), (own.Comments[0].Author, own.Status));
        Assert.DoesNotContain(Fake.Requests, r => (r.Uri.AbsolutePath.EndsWith("/threads/1", StringComparison.Ordinal) || r.Uri.AbsolutePath.Contains("/threads/1/", StringComparison.Ordinal)) && r.Method != HttpMethod.Get);
    }

    [Fact]
    public async Task ClosedPullRequest_IsEvaluatedButNotWritten()
    {
        var pr = PrLinkedToStory("<p>Stage: S-VERIFY</p>");
        pr.Status = "completed";

        var result = await Deliver("git.pullrequest.merged", Payloads.PullRequest("git.pullrequest.merged", 5));

        Assert.Single(result.Evaluations);
        Assert.Empty(Fake.Writes);
    }

    [Fact]
    public async Task MissingPullRequest_IsSkipped()
    {
        var result = await PullRequestUpdated(77);

        Assert.NotNull(result.Skipped);
        Assert.Empty(Fake.Writes);
    }

    [Fact]
    public async Task ExemptPullRequest_StatusNotApplicable_NoThreadCreated()
    {
        var pr = PrLinkedToStory("<p>Stage: S-VERIFY</p>");
        pr.Labels.Add("Anatomy:Exempt");

        var result = await PullRequestUpdated(5);

        var status = Assert.Single(pr.Statuses);
        Assert.Equal(("notApplicable", 2, "anatomybot", "linkage"), (status.State, status.IterationId, status.Genre, status.Name));
        Assert.Empty(pr.Threads);
        Assert.Equal(1, result.Writes);
    }

    [Fact]
    public async Task ExemptionAddedLater_ExistingThreadIsResolvedAndStatusTurnsNotApplicable()
    {
        var pr = PrLinkedToStory("<p>Stage: S-VERIFY</p>");
        await PullRequestUpdated(5);
        pr.Labels.Add("anatomy:exempt");

        await PullRequestUpdated(5);

        Assert.Equal("fixed", Assert.Single(pr.Threads).Status);
        Assert.Equal(["failed", "notApplicable"], pr.Statuses.Select(s => s.State));
    }

    [Fact]
    public async Task NoGaps_ThreadIsCreatedResolved_AndAPersonsClosedStatusCountsAsResolved()
    {
        var pr = PrLinkedToStory("<p>Stage: S-VERIFY</p><p>Component: C-KYC</p>", "src/kyc/scan.cs");
        await PullRequestUpdated(5);
        var thread = Assert.Single(pr.Threads);
        var created = thread.Status;
        thread.Status = "closed";

        var again = await PullRequestUpdated(5);

        Assert.Equal("fixed", created);
        Assert.Equal("succeeded", Assert.Single(pr.Statuses).State);
        Assert.Equal(0, again.Writes);
    }
}
