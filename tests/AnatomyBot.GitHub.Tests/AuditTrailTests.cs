using System.Text.Json.Nodes;
using AnatomyBot.Core.Audit;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.GitHub.Tests.Harness;
using AnatomyBot.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AnatomyBot.GitHub.Tests;

/// <summary>What GitHub deliveries add to the audit trail besides commands, in a real SQLite file: a push to the anatomy
/// records its waivers when first seen and its mode changes (the file read at the old and new commit), an exemption label
/// added or removed records who did it; each once, whatever is delivered again.</summary>
public sealed class AuditTrailTests : IDisposable
{
    private const string Before = "1111111111111111111111111111111111111111";
    private const string After = "2222222222222222222222222222222222222222";
    private const string Later = "3333333333333333333333333333333333333333";

    private const string Elements = """
        version: 1
        outcomes:
          - { id: O-FAST, name: Faster onboarding }
        valueStreams:
          - id: VS-ONB
            name: Onboarding
            outcomes: [O-FAST]
            stages:
              - { id: S-KYC, name: Verify identity }

        """;

    private const string Waivers = """
        waivers:
          - id: W-2026-014
            items: ["acme/shop#3", "acme/shop#7"]
            gaps: [no-component]
            until: 2026-12-31
            reason: Spike
            approvedBy: "@acme/architects"

        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("anatomybot-audit-").FullName;
    private readonly SqliteLedgerDatabase _database;
    private readonly GitHubHarness _github;

    public AuditTrailTests()
    {
        _database = new SqliteLedgerDatabase(Path.Combine(_folder, "ledger.db"));
        _github = new GitHubHarness(realParser: true, register: s => s.AddSingleton<IAuditLedger>(new SqliteAuditLedger(_database)));
        _github.AddIssue(3, "Outcome: O-FAST", "story");
    }

    [Fact]
    public async Task HandleAsync_PushAddingWaiverAndModes_RecordedOnceByCommitAuthor()
    {
        _github.Repository.FilesAt[Before] = new() { [GitHubHarness.AnatomyPath] = Elements };
        _github.SetAnatomy(Elements + "policy:\n  mode: report\n  scopes:\n    - { repository: acme/web, mode: label }\n" + Waivers);
        _github.Repository.FilesAt[After] = new(_github.Repository.Files);

        await _github.Handler.HandleAsync(Push(Before, After), default);
        await _github.Handler.HandleAsync(Push(Before, After), default);

        var entries = await AuditAsync();
        Assert.Equal(
            [
                "mode - report (policy.mode; was block) arch",
                "mode - label (scope repository acme/web; was not set) arch",
                "waive acme/shop#3 W-2026-014 no-component (approved by @acme/architects) until 2026-12-31: Spike arch",
                "waive acme/shop#7 W-2026-014 no-component (approved by @acme/architects) until 2026-12-31: Spike arch",
            ],
            entries.Select(e => $"{EnumCodesOf(e)} {e.Item ?? "-"} {AuditText.What(e)[(EnumCodesOf(e).Length + 1)..]} {e.Actor}"));
        Assert.All(entries, e => Assert.Equal($"https://github.com/acme/shop/commit/{After}", e.Origin));
        Assert.Contains($"GET /repos/acme/shop/contents/.github/anatomy.yml?ref={Before}", _github.Sent);
    }

    [Fact]
    public async Task HandleAsync_PushMovingOnlyAWaiverDate_RecordsTheWaiverAgainAndNoMode()
    {
        _github.Repository.FilesAt[After] = new() { [GitHubHarness.AnatomyPath] = Elements + Waivers };
        _github.SetAnatomy(Elements + Waivers.Replace("2026-12-31", "2027-01-15", StringComparison.Ordinal));
        _github.Repository.FilesAt[Later] = new(_github.Repository.Files);
        await _github.Handler.HandleAsync(Push(Before, After), default);
        var first = (await AuditAsync()).Count;

        await _github.Handler.HandleAsync(Push(After, Later), default);

        var added = (await AuditAsync()).Skip(first).ToList();
        Assert.Equal(2, added.Count);
        Assert.All(added, e => Assert.Equal((AuditAction.Waive, new DateOnly(2027, 1, 15)), (e.Action, e.Until!.Value)));
    }

    [Fact]
    public async Task HandleAsync_ExemptionLabelAddedThenRemoved_RecordedWithTheSenderOnce()
    {
        _github.SetAnatomy(Elements);
        var labeled = LabelEvent("labeled", "Anatomy:Exempt");

        await _github.Handler.HandleAsync(labeled, default);
        await _github.Handler.HandleAsync(labeled, default);
        await _github.Handler.HandleAsync(LabelEvent("labeled", "bug"), default);
        await _github.Handler.HandleAsync(LabelEvent("unlabeled", "anatomy:exempt"), default);

        var entries = await AuditAsync();
        Assert.Equal(
            [(AuditAction.Exempt, "Codertocat", "acme/shop#3", "anatomy:exempt"), (AuditAction.Unexempt, "Codertocat", "acme/shop#3", "anatomy:exempt")],
            entries.Select(e => (e.Action, e.Actor, e.Item!, e.Subject)));
        Assert.Equal("https://github.com/Codertocat/Hello-World/issues/1", entries[0].Origin);
    }

    private static string EnumCodesOf(AuditEntry entry) => Core.EnumCodes.ToCode(entry.Action);

    private static Delivery LabelEvent(string action, string label) => GitHubHarness.LabelEvent(3, action, label) with { Id = action + label };

    private static Delivery Push(string before, string after) => GitHubHarness.Delivery("push", new JsonObject
    {
        ["ref"] = "refs/heads/main",
        ["before"] = before,
        ["after"] = after,
        ["pusher"] = new JsonObject { ["name"] = "pusher" },
        ["sender"] = new JsonObject { ["login"] = "pusher" },
        ["commits"] = new JsonArray(
            new JsonObject
            {
                ["id"] = after,
                ["url"] = $"https://github.com/acme/shop/commit/{after}",
                ["author"] = new JsonObject { ["name"] = "Ann Architect", ["username"] = "arch" },
                ["added"] = new JsonArray(), ["modified"] = new JsonArray(GitHubHarness.AnatomyPath), ["removed"] = new JsonArray(),
            }),
        ["repository"] = GitHubHarness.RepositoryJson(),
    });

    private async Task<List<AuditEntry>> AuditAsync() =>
        await new SqliteAuditLedger(_database).ListAsync(DateTimeOffset.MinValue, 100, default).ToListAsync();

    public void Dispose()
    {
        _github.Dispose();
        _database.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
