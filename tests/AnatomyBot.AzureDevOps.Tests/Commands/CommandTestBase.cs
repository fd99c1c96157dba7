using AnatomyBot.Core.Audit;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Fakes.AzureDevOps;
using AnatomyBot.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AnatomyBot.AzureDevOps.Tests.Commands;

/// <summary>What the end-to-end command tests share: the production channel on the fake Azure DevOps with the real
/// anatomy provider (the test anatomy naming <see cref="Approver"/> in <c>policy.waivers.approvers</c>), a SQLite audit
/// trail in a folder of its own, deliveries straight to the handler, and the trail read back.</summary>
public abstract class CommandTestBase : IDisposable
{
    internal const string Approver = "arch@contoso.example";

    private readonly string _folder;
    private readonly SqliteLedgerDatabase _database;

    protected CommandTestBase()
    {
        _folder = Directory.CreateTempSubdirectory("anatomybot-ado-commands-").FullName;
        _database = new SqliteLedgerDatabase(Path.Combine(_folder, "ledger.db"));
        Host = new TestHost(realAnatomy: true, configure: s => s.AddSingleton<IAuditLedger>(new SqliteAuditLedger(_database)));
        Host.Anatomy.Files["/anatomy.yml"] = TestAnatomy.Yaml() + $"policy:\n  waivers:\n    approvers: [\"{Approver}\"]\n";
    }

    internal TestHost Host { get; }

    internal FakeAzureDevOps Fake => Host.Fake;

    /// <summary>Delivers one notification to the production handler; the fake's request list then holds only its requests.</summary>
    internal Task<DeliveryResult> Deliver(string eventType, string body) => Handling.HandlerTestBase.Deliver(Host, eventType, body);

    /// <summary>Pull request 5 by a developer, linking story 20 (on stage S-VERIFY, no component: one gap).</summary>
    internal FakePullRequest AddPullRequestLinkingAStory()
    {
        Fake.Add(new FakeWorkItem { Id = 20, Title = "Scan passports", Description = "<p>Stage: S-VERIFY</p>" });
        var pr = new FakePullRequest { Number = 5, Title = "Add scanner", Author = "dev@contoso.example" };
        pr.WorkItemIds.Add(20);
        Fake.Add(pr);
        return pr;
    }

    internal async Task<List<AuditEntry>> AuditAsync() =>
        await new SqliteAuditLedger(_database).ListAsync(DateTimeOffset.MinValue, 100, default).ToListAsync();

    public void Dispose()
    {
        Host.Dispose();
        _database.Dispose();
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
