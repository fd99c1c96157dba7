using AnatomyBot.Core.Audit;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.GitHub.Tests.Harness;
using AnatomyBot.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AnatomyBot.GitHub.Tests;

/// <summary>A waiver lapses by itself on GitHub: the nightly sweep after its last day, on a fake clock, brings the gap back
/// on the pull request it covered — the gap labels return, the check run fails again, and the comment says the waiver
/// expired — for a waiver of the anatomy file and one made by <c>/anatomy waive</c> (read from a SQLite audit trail).</summary>
public sealed class WaiverExpiryTests : IDisposable
{
    private const string Anatomy = """
        version: 1
        outcomes:
          - { id: O-FAST, name: Faster onboarding }
        waivers:
          - { id: W-2026-014, items: ["acme/shop#7"], gaps: ["*"], until: 2026-11-30, reason: Spike, approvedBy: "@acme/architects" }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("anatomybot-expiry-").FullName;
    private readonly SqliteLedgerDatabase _database;
    private readonly GitHubHarness _github;

    public WaiverExpiryTests()
    {
        _database = new SqliteLedgerDatabase(Path.Combine(_folder, "ledger.db"));
        _github = new GitHubHarness(s => s["GitHub:Repositories"] = "acme/shop", realParser: true, register: s => s.AddSingleton<IAuditLedger>(new SqliteAuditLedger(_database)));
        _github.SetAnatomy(Anatomy);
        _github.AddPullRequest(7, "Just a refactoring.", sha: "sha7");
        _github.AddPullRequest(8, "Just a refactoring.", sha: "sha8");
    }

    [Fact]
    public async Task Sweep_AfterTheLastDay_FileAndCommandWaiversLapseAndTheGapReturns()
    {
        await new SqliteAuditLedger(_database).AppendAsync(
            new AuditEntry
            {
                At = _github.Time.GetUtcNow(), Actor = "lead", Action = AuditAction.Waive, Item = "acme/shop#8", Subject = "*",
                Until = new DateOnly(2026, 11, 30), Reason = "Hotfix", Key = RecordedWaivers.CommandKeyPrefix + "github:acme/shop:1:0",
            },
            default);

        await SweepAsync();
        foreach (var (number, sha) in new[] { (7, "sha7"), (8, "sha8") })
        {
            Assert.Equal("success", LatestRun(sha).Conclusion);
            Assert.DoesNotContain(_github.Issue(number).Labels, l => l.StartsWith("anatomy:", StringComparison.Ordinal));
            Assert.Contains("waived", Comment(number), StringComparison.Ordinal);
        }

        _github.Time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 23, 59, 0, TimeSpan.Zero));
        await SweepAsync();
        Assert.Equal("success", LatestRun("sha7").Conclusion);

        _github.Time.SetUtcNow(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero));
        await SweepAsync();

        Assert.Equal("failure", LatestRun("sha7").Conclusion);
        Assert.Equal("failure", LatestRun("sha8").Conclusion);
        Assert.Contains("anatomy:no-work-item", _github.Issue(7).Labels);
        Assert.Contains("anatomy:no-work-item", _github.Issue(8).Labels);
        Assert.Contains("waiver W-2026-014 expired on 2026-11-30", Comment(7), StringComparison.Ordinal);
        Assert.Contains("expired on 2026-11-30", Comment(8), StringComparison.Ordinal);
        Assert.DoesNotContain("waived", Comment(7), StringComparison.Ordinal);
    }

    private async Task SweepAsync()
    {
        var source = Assert.Single(_github.Services.GetServices<ISweepSource>());
        foreach (var delivery in await source.CreateSweepDeliveriesAsync(_github.Time.GetUtcNow(), default))
        {
            await _github.Handler.HandleAsync(delivery, default);
        }
    }

    private Fakes.GitHub.FakeCheckRun LatestRun(string sha) => _github.Repository.CheckRuns.Last(r => r.HeadSha == sha);

    private string Comment(int number) => Assert.Single(_github.Issue(number).Comments, c => c.Body.Contains("anatomybot", StringComparison.Ordinal)).Body;

    public void Dispose()
    {
        _github.Dispose();
        _database.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
