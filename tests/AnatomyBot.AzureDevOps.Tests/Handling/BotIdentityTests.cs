using AnatomyBot.AzureDevOps.Reading;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Core.Reconcile;
using AnatomyBot.Fakes.AzureDevOps;

namespace AnatomyBot.AzureDevOps.Tests.Handling;

/// <summary>After a start the bot does not know its identity: the first pull request it reconciles gets its status first,
/// the answer's <c>createdBy</c> names the bot, and the existing thread is then edited in place instead of a second one
/// being created. A thread or status anyone else wrote under the bot's marker or name is never taken as the bot's.</summary>
public sealed class BotIdentityTests : HandlerTestBase
{
    private const string Read = $"/contoso/{FakeAzureDevOps.DefaultProjectId}/_apis/git/repositories/{FakeAzureDevOps.DefaultRepositoryId}/pullRequests/5";
    private const string Written = "/contoso/Fabrikam/_apis/git/repositories/Web/pullRequests/5";
    private const string Mallory = "mallory@contoso.example";

    private static readonly string[] PullRequestReads =
    [
        $"GET {Read.Replace("pullRequests", "pullrequests", StringComparison.Ordinal)}",
        $"GET {Read}/workitems",
        $"GET {Read}/iterations",
        $"GET {Read}/iterations/2/changes",
        $"GET {Read}/threads",
        $"GET {Read}/iterations/2/statuses",
        "POST /contoso/Fabrikam/_apis/wit/workitemsbatch",
    ];

    private FakePullRequest PrLinkedToStory(string storyDescription)
    {
        Fake.Add(new FakeWorkItem { Id = 20, Title = "Scan passports", Description = storyDescription });
        var pr = new FakePullRequest { Number = 5, Title = "Add scanner", Iterations = 2 };
        pr.WorkItemIds.Add(20);
        return Fake.Add(pr);
    }

    private static Task<DeliveryResult> PullRequestUpdated(TestHost host)
    {
        host.Fake.ClearRequests();
        return host.Get<IDeliveryHandler>().HandleAsync(
            new Delivery
            {
                Platform = Platforms.AzureDevOps, Id = Guid.NewGuid().ToString(), EventName = "git.pullrequest.updated",
                Body = Payloads.PullRequest("git.pullrequest.updated", 5), ReceivedAt = host.Time.GetUtcNow(),
            },
            CancellationToken.None);
    }

    private List<string> Sent() => [.. Fake.Requests.Select(r => $"{r.Method} {r.Path}")];

    [Fact]
    public async Task PullRequestUpdated_AfterARestart_StatusFirstThenTheExistingThreadIsEdited()
    {
        var pr = PrLinkedToStory("<p>Stage: S-VERIFY</p>");
        await PullRequestUpdated(Host);
        var own = Assert.Single(pr.Threads);
        Fake.WorkItems[20].Description = "<p>Stage: S-VERIFY</p><p>Component: C-KYC</p>";

        using var restarted = new TestHost(fake: Fake);
        Assert.Null(restarted.Get<AzureDevOpsBotIdentity>().Id);
        var result = await PullRequestUpdated(restarted);

        Assert.Equal(
            [
                .. PullRequestReads,
                $"POST {Written}/iterations/2/statuses",
                $"GET {Written}/threads/{own.Id}",
                $"PATCH {Written}/threads/{own.Id}/comments/1",
                $"PATCH {Written}/threads/{own.Id}",
            ],
            Sent());
        Assert.Equal(3, result.Writes);
        Assert.Same(own, Assert.Single(pr.Threads));
        Assert.Equal("fixed", own.Status);
        Assert.Contains("all links in place", own.Comments[0].Content, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["failed", "succeeded"], pr.Statuses.Select(s => s.State));
        Assert.Equal(
            (string?)FakeAzureDevOpsJson.Identity(FakeAzureDevOps.BotUniqueName)["id"], restarted.Get<AzureDevOpsBotIdentity>().Id);
    }

    [Fact]
    public async Task PullRequestUpdated_AfterARestartWithNothingChanged_OnlyTheStatusIsPostedAgain()
    {
        var pr = PrLinkedToStory("<p>Stage: S-VERIFY</p>");
        await PullRequestUpdated(Host);

        using var restarted = new TestHost(fake: Fake);
        var result = await PullRequestUpdated(restarted);
        var sent = Sent();
        var again = await PullRequestUpdated(restarted);

        Assert.Equal([.. PullRequestReads, $"POST {Written}/iterations/2/statuses"], sent);
        Assert.Equal(1, result.Writes);
        Assert.Equal(0, again.Writes);
        Assert.Single(pr.Threads);
        Assert.Equal(["failed", "failed"], pr.Statuses.Select(s => s.State));
    }

    [Fact]
    public async Task PullRequestUpdated_AfterARestart_ForgedThreadAndStatusUnderTheBotsNameAreNotTheBots()
    {
        var pr = PrLinkedToStory("<p>Stage: S-VERIFY</p>");
        await PullRequestUpdated(Host);
        var own = Assert.Single(pr.Threads);
        // Someone with contribute rights writes a thread carrying the marker and a newer status under the bot's name.
        var forged = new FakeThread { Id = 1, Status = "fixed" };
        forged.Comments.Add(new FakeThreadComment { Id = 1, Content = $"{Markers.Comment}\nAll links in place.", Author = "Mallory" });
        pr.Threads.Insert(0, forged);
        pr.Statuses.Add(new FakePullRequestStatus(900, 2, "succeeded", "All links in place", "anatomybot", "linkage", Mallory));
        Fake.WorkItems[20].Description = "<p>Stage: S-VERIFY</p><p>Component: C-KYC</p>";

        using var restarted = new TestHost(fake: Fake);
        await PullRequestUpdated(restarted);

        Assert.Equal(
            [
                $"POST {Written}/iterations/2/statuses",
                $"PATCH {Written}/threads/{own.Id}/comments/1",
                $"PATCH {Written}/threads/{own.Id}",
            ],
            Fake.Writes.Select(w => $"{w.Method} {w.Path}"));
        Assert.Equal(("fixed", $"{Markers.Comment}\nAll links in place.", false), (forged.Status, forged.Comments[0].Content, forged.Comments[0].IsDeleted));
        Assert.Equal(2, pr.Threads.Count);
        Assert.Equal(FakeAzureDevOps.BotUniqueName, pr.Statuses[^1].CreatedBy);
        Assert.Equal(
            (string?)FakeAzureDevOpsJson.Identity(FakeAzureDevOps.BotUniqueName)["id"], restarted.Get<AzureDevOpsBotIdentity>().Id);
    }

    [Fact]
    public async Task PullRequestUpdated_NewerStatusBySomeoneElseShowingTheVerdict_TheBotPostsItsOwn()
    {
        // The bot's own status says failed; the story is then fixed and someone posts the bot's next status under its
        // name first. A branch policy limited to the bot's identity would still read the bot's "failed".
        var pr = PrLinkedToStory("<p>Stage: S-VERIFY</p>");
        await PullRequestUpdated(Host);
        var mine = Assert.Single(pr.Statuses);
        Fake.WorkItems[20].Description = "<p>Stage: S-VERIFY</p><p>Component: C-KYC</p>";
        await PullRequestUpdated(Host);
        var succeeded = pr.Statuses[^1];
        pr.Statuses.Remove(succeeded);
        pr.Statuses.Add(succeeded with { Id = 900, CreatedBy = Mallory });

        await PullRequestUpdated(Host);

        Assert.Equal("failed", mine.State);
        Assert.Equal([$"POST {Written}/iterations/2/statuses"], Fake.Writes.Select(w => $"{w.Method} {w.Path}"));
        Assert.Equal(("succeeded", succeeded.Description, FakeAzureDevOps.BotUniqueName), (pr.Statuses[^1].State, pr.Statuses[^1].Description, pr.Statuses[^1].CreatedBy));
    }

    [Fact]
    public async Task PullRequestUpdated_NewerStatusBySomeoneElseShowingTheSameVerdict_NothingIsWritten()
    {
        var pr = PrLinkedToStory("<p>Stage: S-VERIFY</p>");
        await PullRequestUpdated(Host);
        var own = Assert.Single(pr.Statuses);
        pr.Statuses.Add(own with { Id = 900, CreatedBy = Mallory });

        var result = await PullRequestUpdated(Host);

        Assert.Equal(0, result.Writes);
    }
}
