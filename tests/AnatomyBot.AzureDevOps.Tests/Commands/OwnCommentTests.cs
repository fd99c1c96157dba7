using System.Text.Json.Nodes;
using AnatomyBot.AzureDevOps.Reading;
using AnatomyBot.Core.Commands;
using AnatomyBot.Core.Reconcile;
using AnatomyBot.Fakes.AzureDevOps;
using AnatomyBot.Testing.Conformance;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.AzureDevOps.Tests.Commands;

/// <summary>The pull-request comment notifications Azure DevOps sends when the bot writes or edits its own thread comment
/// (the published <c>ms.vss-code.git-pullrequest-comment-event</c>, its ids, author and text set): acknowledged at debug
/// level without one request once the bot's identity is known and the comment carries its marker; anyone else's
/// comment, one quoting the marker included, is reconciled and its commands run as before.</summary>
public sealed class OwnCommentTests : CommandTestBase
{
    private readonly FakePullRequest _pr;

    public OwnCommentTests() => _pr = AddPullRequestLinkingAStory();

    private static string BotId => IdOf(FakeAzureDevOps.BotUniqueName);

    [Fact]
    public async Task HandleAsync_TheBotsOwnThreadComment_AcknowledgedWithoutARequest()
    {
        var own = await ReportedAsync();

        var result = await Deliver(EventType, Notification(own.Id, 1, BotId, own.Comments[0].Content));

        Assert.Empty(Fake.Requests);
        Assert.Empty(result.Evaluations);
        Assert.Equal($"comment {own.Id}/1: the bot's own, acknowledged without a reconcile", result.Skipped);
        Assert.Single(Host.Logs.Collector.GetSnapshot(), l => l.Id.Id == 5407 && l.Level == LogLevel.Debug);
    }

    [Fact]
    public async Task HandleAsync_APersonQuotingTheMarker_ReconciledAndTheCommandRun()
    {
        await ReportedAsync();
        var text = $"> {Markers.Comment}\n> one gap\n\n/anatomy recheck";
        var thread = new FakeThread { Id = 901 };
        thread.Comments.Add(new FakeThreadComment { Id = 1, Content = text, Author = "visitor@contoso.example" });
        _pr.Threads.Add(thread);

        var result = await Deliver(EventType, Notification(901, 1, IdOf("visitor@contoso.example"), text));

        Assert.Null(result.Skipped);
        Assert.Contains(result.Evaluations, e => e.Item.Id == "Fabrikam/Web!5");
        Assert.StartsWith(CommandReplies.Marker + "\n🔄 Re-checked this pull request", thread.Comments[^1].Content, StringComparison.Ordinal);
        Assert.DoesNotContain(Host.Logs.Collector.GetSnapshot(), l => l.Id.Id == 5407);
    }

    [Fact]
    public async Task HandleAsync_TheBotsIdentityWithoutTheMarker_Reconciled()
    {
        var own = await ReportedAsync();

        var result = await Deliver(EventType, Notification(own.Id, 1, BotId, "Thanks."));

        Assert.NotEmpty(Fake.Requests);
        Assert.Contains(result.Evaluations, e => e.Item.Id == "Fabrikam/Web!5");
        Assert.DoesNotContain(Host.Logs.Collector.GetSnapshot(), l => l.Id.Id == 5407);
    }

    [Fact]
    public async Task HandleAsync_IdentityNotKnownYet_Reconciled()
    {
        Assert.Null(Host.Get<AzureDevOpsBotIdentity>().Id);

        var result = await Deliver(EventType, Notification(900, 1, BotId, Markers.Comment + "\nreport"));

        Assert.NotEmpty(Fake.Requests);
        Assert.Contains(result.Evaluations, e => e.Item.Id == "Fabrikam/Web!5");
    }

    private const string EventType = "ms.vss-code.git-pullrequest-comment-event";

    /// <summary>A reconcile of the pull request: the bot posts its status and thread, and learns who it is from the answer.</summary>
    private async Task<FakeThread> ReportedAsync()
    {
        await Deliver("git.pullrequest.updated", Payloads.PullRequest("git.pullrequest.updated", 5));
        Assert.Equal(BotId, Host.Get<AzureDevOpsBotIdentity>().Id);
        return Assert.Single(_pr.Threads);
    }

    private static string IdOf(string uniqueName) => FakeAzureDevOpsJson.Identity(uniqueName)["id"]!.GetValue<string>();

    /// <summary>The published notification, about comment <paramref name="commentId"/> of thread
    /// <paramref name="threadId"/> of pull request 5 in the fake's repository, by <paramref name="authorId"/>.</summary>
    private static string Notification(int threadId, int commentId, string authorId, string content)
    {
        var file = ConformanceCorpus.Find("azure-devops/service-hooks/ms.vss-code.git-pullrequest-comment-event.json");
        Assert.SkipWhen(file is null, "The conformance corpus is not in this checkout.");
        var payload = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        var comment = payload["resource"]!["comment"]!;
        comment["id"] = commentId;
        comment["content"] = content;
        comment["author"]!["id"] = authorId;
        comment["_links"]!["threads"]!["href"] = $"https://dev.azure.com/contoso/_apis/git/repositories/{FakeAzureDevOps.DefaultRepositoryId}/pullRequests/5/threads/{threadId}";
        var pullRequest = payload["resource"]!["pullRequest"]!;
        pullRequest["pullRequestId"] = 5;
        pullRequest["repository"]!["id"] = FakeAzureDevOps.DefaultRepositoryId;
        pullRequest["repository"]!["project"]!["id"] = FakeAzureDevOps.DefaultProjectId;
        payload["resourceContainers"] = new JsonObject { ["project"] = new JsonObject { ["id"] = FakeAzureDevOps.DefaultProjectId } };
        return payload.ToJsonString();
    }
}
