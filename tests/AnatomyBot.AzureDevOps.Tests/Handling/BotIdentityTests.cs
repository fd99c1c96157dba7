using AnatomyBot.AzureDevOps.Configuration;
using AnatomyBot.AzureDevOps.Reading;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Core.Reconcile;
using AnatomyBot.Fakes.AzureDevOps;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnatomyBot.AzureDevOps.Tests.Handling;

/// <summary>After a start the bot does not know its identity: the first pull request it reconciles gets its status first,
/// the answer's <c>createdBy</c> names the bot, and the existing thread is then edited in place instead of a second one
/// being created. With <c>AzureDevOps:BotIdentityId</c> the identity is known from the start, for work-item comments
/// too; the first write's answer still decides. A thread or status anyone else wrote under the bot's marker or name is
/// never taken as the bot's.</summary>
public sealed class BotIdentityTests : HandlerTestBase
{
    private const string Read = $"/contoso/{FakeAzureDevOps.DefaultProjectId}/_apis/git/repositories/{FakeAzureDevOps.DefaultRepositoryId}/pullRequests/5";
    private const string Written = "/contoso/Fabrikam/_apis/git/repositories/Web/pullRequests/5";
    private const string Mallory = "mallory@contoso.example";
    private const string Comments = "/contoso/Fabrikam/_apis/wit/workItems/10/comments";

    private static readonly string BotId = (string)FakeAzureDevOpsJson.Identity(FakeAzureDevOps.BotUniqueName)["id"]!;

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

    private static Task<DeliveryResult> PullRequestUpdated(TestHost host) =>
        Deliver(host, "git.pullrequest.updated", Payloads.PullRequest("git.pullrequest.updated", 5));

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
        Assert.Equal(BotId, restarted.Get<AzureDevOpsBotIdentity>().Id);
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
        Assert.Equal(BotId, restarted.Get<AzureDevOpsBotIdentity>().Id);
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

    [Fact]
    public async Task WorkItemUpdated_AfterARestartWithBotIdentityIdSet_TheOwnCommentIsEditedInPlace()
    {
        var item = Fake.Add(new FakeWorkItem { Id = 10, Title = "Scan passports", Description = "<p>Stage: S-VERIFY</p>" });
        var own = new FakeWorkItemComment { Id = 50, Text = $"{Markers.Comment}\n### ⚠️ Anatomy: this story needs 2 links" };
        var forged = new FakeWorkItemComment { Id = 40, Text = $"{Markers.Comment}\n### ✅ Anatomy: all links in place", Author = Mallory };
        item.Comments.AddRange([forged, own]);

        using var restarted = new TestHost(new() { ["AzureDevOps:BotIdentityId"] = BotId.ToUpperInvariant() }, fake: Fake);
        var result = await Deliver(restarted, "workitem.updated", Payloads.WorkItemUpdated(10));

        Assert.Equal(
            [
                "POST /contoso/Fabrikam/_apis/wit/workitemsbatch",
                "GET /contoso/Fabrikam/_apis/wit/workitemtypes/User Story/states",
                $"GET {Comments}",
                "PATCH /contoso/Fabrikam/_apis/wit/workitems/10",
                $"PATCH {Comments}/50",
            ],
            Sent());
        Assert.Equal(2, result.Writes);
        Assert.Equal(2, item.Comments.Count);
        Assert.Contains("### ⚠️ Anatomy: this story needs 1 link", own.Text, StringComparison.Ordinal);
        Assert.Equal(($"{Markers.Comment}\n### ✅ Anatomy: all links in place", false), (forged.Text, forged.IsDeleted));
    }

    [Fact]
    public async Task PullRequestUpdated_AfterARestartWithBotIdentityIdSet_OnlyReads()
    {
        var pr = PrLinkedToStory("<p>Stage: S-VERIFY</p>");
        await PullRequestUpdated(Host);

        using var restarted = new TestHost(new() { ["AzureDevOps:BotIdentityId"] = BotId }, fake: Fake);
        var result = await PullRequestUpdated(restarted);

        Assert.Equal([.. PullRequestReads], Sent());
        Assert.Equal(0, result.Writes);
        Assert.Single(pr.Threads);
        Assert.Single(pr.Statuses);
    }

    [Fact]
    public async Task PullRequestUpdated_BotIdentityIdOfSomeoneElse_TheFirstWritesAnswerWinsAndTheMismatchIsLogged()
    {
        var pr = PrLinkedToStory("<p>Stage: S-VERIFY</p>");
        await PullRequestUpdated(Host);
        var own = Assert.Single(pr.Threads);
        Fake.WorkItems[20].Description = "<p>Stage: S-VERIFY</p><p>Component: C-KYC</p>";
        var someoneElse = Guid.NewGuid().ToString();

        using var restarted = new TestHost(new() { ["AzureDevOps:BotIdentityId"] = someoneElse }, fake: Fake);
        await PullRequestUpdated(restarted);

        var created = Assert.Single(pr.Threads, t => t.Id != own.Id);
        Assert.Equal(
            [
                $"POST {Written}/threads",
                $"DELETE {Written}/threads/{created.Id}/comments/1",
                $"PATCH {Written}/threads/{own.Id}/comments/1",
                $"PATCH {Written}/threads/{own.Id}",
                $"POST {Written}/iterations/2/statuses",
            ],
            Fake.Writes.Select(w => $"{w.Method} {w.Path}"));
        Assert.Equal(("fixed", false), (own.Status, own.Comments[0].IsDeleted));
        Assert.Equal(BotId, restarted.Get<AzureDevOpsBotIdentity>().Id);
        var warning = Assert.Single(restarted.Logs.Collector.GetSnapshot(), l => l.Id.Id == 5311);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains(someoneElse, warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("anatomybot@contoso.example", false)]
    [InlineData("6f168adb-59d4-4fc0-be3b", false)]
    [InlineData("6f168adb-59d4-4fc0-be3b-fb21b939b2a6", true)]
    [InlineData("", true)]
    public void Validate_BotIdentityId_MustBeAGuid(string value, bool accepted)
    {
        using var host = new TestHost(new() { ["AzureDevOps:BotIdentityId"] = value });

        var failure = Record.Exception(() => host.Get<IOptions<AzureDevOpsOptions>>().Value);

        Assert.Equal(accepted, failure is null);
        if (!accepted)
        {
            Assert.Contains(((OptionsValidationException)failure!).Failures, f => f.Contains("AzureDevOps:BotIdentityId must be a GUID", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task PullRequestUpdated_DryRunAfterARestart_TheOutboxHoldsTheWholePlanAndNothingIsWritten()
    {
        var pr = PrLinkedToStory("<p>Stage: S-VERIFY</p>");
        var outbox = new MemoryOutbox();
        using var dryRun = new TestHost(configure: s => s.AddSingleton<IReconcileApplier>(new OutboxApplier(outbox, ItemSource.AzureDevOps)), fake: Fake);

        await PullRequestUpdated(dryRun);

        Assert.Empty(Fake.Writes);
        Assert.Empty(pr.Statuses);
        Assert.Null(dryRun.Get<AzureDevOpsBotIdentity>().Id);
        var plan = System.Text.Json.Nodes.JsonNode.Parse(outbox.Files.Single(f => f.Key.EndsWith(".plan.json", StringComparison.Ordinal)).Value)!;
        Assert.Equal(("create", "failure"), ((string?)plan["comment"]?["action"], (string?)plan["check"]?["conclusion"]));
        Assert.Equal(3, outbox.Files.Count);
    }

    private sealed class MemoryOutbox : IOutboxSink
    {
        public Dictionary<string, string> Files { get; } = [];

        public Task WriteAsync(string name, string content, CancellationToken cancellationToken)
        {
            Files[name] = content;
            return Task.CompletedTask;
        }
    }
}
