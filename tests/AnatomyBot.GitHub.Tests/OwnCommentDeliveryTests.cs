using System.Text.Json.Nodes;
using AnatomyBot.Core.Audit;
using AnatomyBot.Core.Commands;
using AnatomyBot.Core.Reconcile;
using AnatomyBot.GitHub.Tests.Harness;
using AnatomyBot.Storage.Sqlite;
using AnatomyBot.Testing.Conformance;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;

namespace AnatomyBot.GitHub.Tests;

/// <summary>The <c>issue_comment</c> deliveries GitHub sends when the bot writes or edits its own comment (the published
/// payloads, the author and body set): acknowledged at debug level without one request, once the bot's login is known
/// and the comment carries its marker; anyone else's comment, one quoting the marker included, is read as before.</summary>
public sealed class OwnCommentDeliveryTests : IDisposable
{
    private const string BotLogin = "anatomybot[bot]";

    private readonly FakeLoggerProvider _logs = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("anatomybot-own-comments-").FullName;
    private readonly SqliteLedgerDatabase _database;
    private readonly GitHubHarness _github;

    public OwnCommentDeliveryTests()
    {
        _database = new SqliteLedgerDatabase(Path.Combine(_folder, "ledger.db"));
        _github = new GitHubHarness(
            logging: b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Debug),
            register: s => s.AddSingleton<IAuditLedger>(new SqliteAuditLedger(_database)));
        _github.SetAnatomy(TestAnatomy.Valid);
        _github.AddPullRequest(5, "Just a refactoring.");
    }

    public static TheoryData<string> OwnBodies => [Markers.Comment + "\n### Anatomy trace\n", CommandReplies.Marker + "\n🔄 Re-checked this pull request: no gap.\n"];

    [Theory]
    [MemberData(nameof(OwnBodies))]
    public async Task HandleAsync_TheBotsOwnCommentWrittenOrEdited_AcknowledgedWithoutARequest(string body)
    {
        await KnowTheBotAsync();

        foreach (var action in new[] { "created", "edited" })
        {
            _github.Api.ClearRequests();

            var result = await _github.Handler.HandleAsync(CommentDelivery(action, BotLogin, "Bot", body), default);

            Assert.Empty(_github.Api.Requests);
            Assert.Empty(result.Evaluations);
            Assert.Equal("comment 1: the bot's own, acknowledged without a reconcile", result.Skipped);
        }

        Assert.Equal(2, _logs.Collector.GetSnapshot().Count(l => l.Id.Id == 4007 && l.Level == LogLevel.Debug));
    }

    [Fact]
    public async Task HandleAsync_SomeoneElseQuotingTheMarker_CommandsStillRun()
    {
        await KnowTheBotAsync();
        var comments = _github.Issue(5).Comments.Count;

        var result = await _github.Handler.HandleAsync(CommentDelivery("created", "visitor", "User", $"> {Markers.Comment}\n> looks wrong\n\n/anatomy recheck"), default);

        Assert.Null(result.Skipped);
        Assert.Contains(result.Evaluations, e => e.Item.Id == "acme/shop#5");
        Assert.StartsWith(CommandReplies.Marker + "\n🔄 Re-checked this pull request", _github.Issue(5).Comments.Last().Body, StringComparison.Ordinal);
        Assert.Equal(comments + 1, _github.Issue(5).Comments.Count);
        Assert.DoesNotContain(_logs.Collector.GetSnapshot(), l => l.Id.Id == 4007);
    }

    [Fact]
    public async Task HandleAsync_BotLoginUnknownInThisProcess_NotAcknowledgedAsOwn()
    {
        var result = await _github.Handler.HandleAsync(CommentDelivery("created", BotLogin, "Bot", Markers.Comment + "\n"), default);

        Assert.NotEqual("comment 1: the bot's own, acknowledged without a reconcile", result.Skipped);
        Assert.DoesNotContain(_logs.Collector.GetSnapshot(), l => l.Id.Id == 4007);
    }

    [Fact]
    public async Task HandleAsync_TheBotsLoginWithoutTheMarker_NotAcknowledgedAsOwn()
    {
        await KnowTheBotAsync();

        var result = await _github.Handler.HandleAsync(CommentDelivery("created", BotLogin, "Bot", "Thanks!"), default);

        Assert.NotEqual("comment 1: the bot's own, acknowledged without a reconcile", result.Skipped);
        Assert.DoesNotContain(_logs.Collector.GetSnapshot(), l => l.Id.Id == 4007);
    }

    /// <summary>A reconcile of the pull request: the bot asks who it is before its first write, as in production.</summary>
    private async Task KnowTheBotAsync() => await _github.Handler.HandleAsync(_github.PullRequestEvent(5), default);

    /// <summary>GitHub's published <c>issue_comment</c> payload for <paramref name="action"/>, on pull request 5 of the
    /// harness's repository, by <paramref name="login"/>, saying <paramref name="body"/>.</summary>
    private static Core.Pipeline.Delivery CommentDelivery(string action, string login, string type, string body)
    {
        var file = ConformanceCorpus.Find($"github/webhooks/issue_comment/{action}.json");
        Assert.SkipWhen(file is null, "The conformance corpus is not in this checkout.");
        var payload = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        payload["repository"] = GitHubHarness.RepositoryJson();
        payload["issue"]!["number"] = 5;
        payload["issue"]!["pull_request"] = new JsonObject { ["url"] = "https://api.github.com/repos/acme/shop/pulls/5" };
        payload["comment"]!["id"] = 1;
        payload["comment"]!["body"] = body;
        payload["comment"]!["user"]!["login"] = login;
        payload["comment"]!["user"]!["type"] = type;
        return GitHubHarness.Delivery("issue_comment", payload);
    }

    public void Dispose()
    {
        _github.Dispose();
        _logs.Dispose();
        _database.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
