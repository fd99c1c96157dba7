using System.Text.Json.Nodes;
using AnatomyBot.Core.Audit;
using AnatomyBot.Core.Commands;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.GitHub.Tests.Harness;
using AnatomyBot.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AnatomyBot.GitHub.Tests;

/// <summary>The <c>/anatomy</c> comment commands end to end on the fake GitHub, with the audit trail in a real SQLite
/// file: each command answered, permissions asked of GitHub, the bot's own and edited comments ignored, a comment acted
/// on once.</summary>
public sealed class CommentCommandTests : IDisposable
{
    private const string Anatomy = """
        version: 1
        outcomes:
          - { id: O-FAST, name: Faster onboarding }
        valueStreams:
          - id: VS-ONB
            name: Onboarding
            outcomes: [O-FAST]
            stages:
              - { id: S-KYC, name: Verify identity }
        components:
          - { id: C-KYC, name: KYC rules, kind: rule }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("anatomybot-commands-").FullName;
    private readonly SqliteLedgerDatabase _database;
    private readonly GitHubHarness _github;

    public CommentCommandTests()
    {
        _database = new SqliteLedgerDatabase(Path.Combine(_folder, "ledger.db"));
        _github = Harness(Anatomy);
    }

    private GitHubHarness Harness(string anatomy)
    {
        var github = new GitHubHarness(realParser: true, register: s => s.AddSingleton<IAuditLedger>(new SqliteAuditLedger(_database)));
        github.SetAnatomy(anatomy);
        github.AddIssue(3, "Outcome: O-FAST\nStage: S-KYC", "story");
        github.AddPullRequest(7, "Fixes #3");
        return github;
    }

    [Fact]
    public async Task HandleAsync_RecheckByAnyone_AnsweredOnceAndAudited()
    {
        var delivery = CommentEvent(7, 901, "Please look again.\n/anatomy recheck", "visitor");

        var result = await _github.Handler.HandleAsync(delivery, default);

        var reply = _github.Issue(7).Comments.Last();
        Assert.Equal("<!-- anatomybot:reply -->\n🔄 Re-checked this pull request: 1 gap, the worst `block`.\n", reply.Body);
        Assert.Single(result.Evaluations);
        Assert.DoesNotContain(_github.Sent, s => s.Contains("/permission", StringComparison.Ordinal));
        var entry = Assert.Single(await AuditAsync());
        Assert.Equal(("visitor", AuditAction.Recheck, "acme/shop#7", "https://github.com/acme/shop/pull/7#issuecomment-901"), (entry.Actor, entry.Action, entry.Item, entry.Origin));

        var comments = _github.Issue(7).Comments.Count;
        await _github.Handler.HandleAsync(CommentEvent(7, 901, "Please look again.\n/anatomy recheck", "visitor"), default);
        Assert.Equal(comments, _github.Issue(7).Comments.Count);
        Assert.Single(await AuditAsync());
    }

    [Theory]
    [InlineData("created", "/anatomy recheck", "anatomybot[bot]", "Bot")]
    [InlineData("created", "<!-- anatomybot:reply -->\n❓ `/anatomy x`", "someone", "User")]
    [InlineData("edited", "/anatomy recheck", "someone", "User")]
    [InlineData("created", "```\n/anatomy recheck\n```\n> /anatomy explain", "someone", "User")]
    public async Task HandleAsync_BotEditedOrQuotedComment_NothingDone(string action, string body, string author, string type)
    {
        var result = await _github.Handler.HandleAsync(CommentEvent(7, 902, body, author, action, type), default);

        Assert.Empty(_github.Api.Writes);
        Assert.Empty(result.Evaluations);
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task HandleAsync_UnknownCommand_AnsweredWithTheList()
    {
        await _github.Handler.HandleAsync(CommentEvent(7, 903, "/anatomy approve", "visitor"), default);

        Assert.Equal(CommandReplies.Unknown("/anatomy approve"), _github.Issue(7).Comments.Last().Body);
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task HandleAsync_LinkWithoutWriteAccess_RefusedAfterAskingGitHub()
    {
        _github.Api.Grant("acme/shop", "reader", "read");

        await _github.Handler.HandleAsync(CommentEvent(7, 904, "/anatomy link component:C-KYC", "reader"), default);

        Assert.Contains("GET /repos/acme/shop/collaborators/reader/permission", _github.Sent);
        Assert.Equal(
            "<!-- anatomybot:reply -->\n⛔ `/anatomy link component:C-KYC`: @reader may not run `/anatomy link`; it is for users with write access to the repository. Nothing was changed.\n",
            _github.Issue(7).Comments.Last().Body);
        Assert.DoesNotContain("component:C-KYC", _github.Issue(3).Labels);
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task HandleAsync_LinkByWriter_LabelsTheOneLinkedIssueAndRechecks()
    {
        _github.Api.Grant("acme/shop", "dev", "write");

        var result = await _github.Handler.HandleAsync(CommentEvent(7, 905, "/anatomy link component:C-KYC", "dev"), default);

        Assert.Contains("component:C-KYC", _github.Issue(3).Labels);
        Assert.Contains("POST /repos/acme/shop/issues/3/labels", _github.Sent);
        Assert.Equal(
            "<!-- anatomybot:reply -->\n🔗 Added the label `component:C-KYC` to `acme/shop#3` and re-checked: all links in place.\n",
            _github.Issue(7).Comments.Last().Body);
        Assert.NotEmpty(result.Evaluations);
        var entry = Assert.Single(await AuditAsync());
        Assert.Equal((AuditAction.Link, "component:C-KYC", "dev"), (entry.Action, entry.Subject, entry.Actor));
    }

    [Fact]
    public async Task HandleAsync_WaiveByWriterWithoutApprovers_RefusedMaintainerWaivesThenUnwaives()
    {
        _github.Api.Grant("acme/shop", "dev", "write");
        _github.Api.Grant("acme/shop", "lead", "maintain");
        const string waive = "/anatomy waive no-component until 2026-12-31 because Spike; the component spec follows";

        await _github.Handler.HandleAsync(CommentEvent(7, 906, waive, "dev"), default);
        Assert.StartsWith("<!-- anatomybot:reply -->\n⛔", _github.Issue(7).Comments.Last().Body, StringComparison.Ordinal);
        Assert.Contains("repository maintainers and admins", _github.Issue(7).Comments.Last().Body, StringComparison.Ordinal);

        var waived = await _github.Handler.HandleAsync(CommentEvent(7, 907, waive, "lead"), default);

        Assert.StartsWith("<!-- anatomybot:reply -->\n✅ Waived `no-component` on `acme/shop#7` until 2026-12-31, approved by @lead", _github.Issue(7).Comments.Last().Body, StringComparison.Ordinal);
        var gap = Assert.Single(waived.Evaluations[0].Gaps);
        Assert.Equal(("no-component", "@lead"), (gap.Code, gap.Waiver?.ApprovedBy));
        Assert.Equal("success", _github.Api.View("acme", "shop", 7).Check?.Conclusion);

        var unwaived = await _github.Handler.HandleAsync(CommentEvent(7, 908, "/anatomy unwaive no-component", "lead"), default);

        Assert.Equal("<!-- anatomybot:reply -->\n↩️ Removed the waiver of `no-component` on `acme/shop#7`; the gap counts again.\n", _github.Issue(7).Comments.Last().Body);
        Assert.Null(Assert.Single(unwaived.Evaluations[0].Gaps).Waiver);
        Assert.Equal("failure", _github.Api.View("acme", "shop", 7).Check?.Conclusion);
        Assert.Equal([AuditAction.Waive, AuditAction.Unwaive], (await AuditAsync()).Select(e => e.Action));
    }

    [Fact]
    public async Task HandleAsync_WaiveByApproverTeamMember_AskedOfTheTeam()
    {
        using var github = Harness(Anatomy + "\npolicy:\n  waivers:\n    approvers: [\"@acme/architects\"]\n");
        github.Api.TeamMembers["acme/architects"] = ["alice"];

        await github.Handler.HandleAsync(CommentEvent(7, 909, "/anatomy waive no-component until 2026-12-31 because spike", "alice"), default);
        await github.Handler.HandleAsync(CommentEvent(7, 910, "/anatomy waive no-component until 2026-12-31 because spike", "bob"), default);

        Assert.Contains("GET /orgs/acme/teams/architects/memberships/alice", github.Sent);
        Assert.Contains("GET /orgs/acme/teams/architects/memberships/bob", github.Sent);
        Assert.StartsWith("<!-- anatomybot:reply -->\n✅", github.Issue(7).Comments[^2].Body, StringComparison.Ordinal);
        Assert.Contains("the waiver approvers (policy.waivers.approvers: @acme/architects)", github.Issue(7).Comments[^1].Body, StringComparison.Ordinal);
        Assert.Single(await AuditAsync());
    }

    [Theory]
    [InlineData("/anatomy waive no-component because spike", "no date")]
    [InlineData("/anatomy waive no-component until 2026-11-01 because spike", "is in the past")]
    [InlineData("/anatomy waive no-component until 2027-06-01 because spike", "a waiver runs at most 90 days")]
    [InlineData("/anatomy waive no-compnent until 2026-12-31 because spike", "is not a gap code")]
    public async Task HandleAsync_MalformedWaive_SaysWhatIsWrongAndChangesNothing(string line, string problem)
    {
        _github.Api.Grant("acme/shop", "lead", "admin");

        await _github.Handler.HandleAsync(CommentEvent(7, 911, line, "lead"), default);

        var reply = _github.Issue(7).Comments.Last().Body;
        Assert.Contains(problem, reply, StringComparison.Ordinal);
        Assert.EndsWith("Nothing was changed.\n", reply, StringComparison.Ordinal);
        Assert.Empty(await AuditAsync());
    }

    private async Task<List<AuditEntry>> AuditAsync() =>
        await new SqliteAuditLedger(_database).ListAsync(DateTimeOffset.MinValue, 100, default).ToListAsync();

    private static Delivery CommentEvent(int number, long commentId, string body, string author, string action = "created", string type = "User") =>
        GitHubHarness.Delivery("issue_comment", new JsonObject
        {
            ["action"] = action,
            ["issue"] = new JsonObject { ["number"] = number, ["pull_request"] = new JsonObject { ["url"] = $"https://api.github.com/repos/acme/shop/pulls/{number}" } },
            ["comment"] = new JsonObject
            {
                ["id"] = commentId,
                ["body"] = body,
                ["html_url"] = $"https://github.com/acme/shop/pull/{number}#issuecomment-{commentId}",
                ["user"] = new JsonObject { ["login"] = author, ["type"] = type },
            },
            ["repository"] = GitHubHarness.RepositoryJson(),
        });

    public void Dispose()
    {
        _github.Dispose();
        _database.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
