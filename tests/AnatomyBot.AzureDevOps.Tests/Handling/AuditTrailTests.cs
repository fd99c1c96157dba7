using AnatomyBot.Core.Audit;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Fakes.AzureDevOps;
using AnatomyBot.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AnatomyBot.AzureDevOps.Tests.Handling;

/// <summary>What Azure DevOps deliveries add to the audit trail besides commands, in a real SQLite file: a push changing
/// the anatomy in Azure Repos records its waivers when first seen and its mode changes, by the pusher; an exemption tag
/// added to or removed from a work item records who did it; each once, whatever is delivered again.</summary>
public sealed class AuditTrailTests : IDisposable
{
    private const string Policy = "policy:\n  mode: label\n";

    private const string Waivers = """
        waivers:
          - { id: W-7, items: ["3"], gaps: [no-component], until: 2026-12-31, reason: Spike, approvedBy: "[Fabrikam]\\Architects" }

        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("anatomybot-ado-audit-").FullName;
    private readonly SqliteLedgerDatabase _database;
    private readonly TestHost _host;

    public AuditTrailTests()
    {
        _database = new SqliteLedgerDatabase(Path.Combine(_folder, "ledger.db"));
        _host = new TestHost(realAnatomy: true, configure: s => s.AddSingleton<IAuditLedger>(new SqliteAuditLedger(_database)));
        _host.Anatomy.Files["/anatomy.yml"] = TestAnatomy.Yaml();
        _host.Fake.Add(new FakeWorkItem { Id = 3, Title = "Scan passports", Tags = "anatomy:exempt" });
    }

    [Fact]
    public async Task HandleAsync_PushAddingWaiverAndMode_RecordedOnceByThePusher()
    {
        var changed = TestAnatomy.Yaml() + Policy + Waivers;
        _host.Anatomy.Commits["c1"] = new() { ["/anatomy.yml"] = TestAnatomy.Yaml() };
        _host.Anatomy.Commits["c2"] = new() { ["/anatomy.yml"] = changed };
        _host.Anatomy.Files["/anatomy.yml"] = changed;

        await DeliverAsync("git.push", Push("push-1"));
        await DeliverAsync("git.push", Push("push-1"));

        var entries = await AuditAsync();
        Assert.Equal(
            [
                (AuditAction.Mode, (string?)null, "label (policy.mode; was block)"),
                (AuditAction.Waive, "3", @"W-7 no-component (approved by [Fabrikam]\Architects)"),
            ],
            entries.Select(e => (e.Action, e.Item, e.Subject)));
        Assert.All(entries, e => Assert.Equal(("lead@fabrikam.example", "https://dev.azure.com/contoso/Fabrikam/_git/Architecture/commit/c2"), (e.Actor, e.Origin)));
        Assert.Equal((new DateOnly(2026, 12, 31), "Spike"), (entries[1].Until!.Value, entries[1].Reason!));
    }

    [Fact]
    public async Task HandleAsync_ExemptionTagAddedThenRemoved_RecordedWithTheUpdateAuthorOnce()
    {
        await DeliverAsync("workitem.updated", TagUpdate(5, "team:blue", "team:blue; Anatomy:Exempt"));
        await DeliverAsync("workitem.updated", TagUpdate(5, "team:blue", "team:blue; Anatomy:Exempt"));
        await DeliverAsync("workitem.updated", TagUpdate(6, "team:blue; anatomy:exempt", "team:blue; anatomy:exempt; later"));
        await DeliverAsync("workitem.updated", TagUpdate(7, "team:blue; anatomy:exempt", "team:blue"));

        var entries = await AuditAsync();
        Assert.Equal(
            [(AuditAction.Exempt, "lead@fabrikam.example", "3", "anatomy:exempt"), (AuditAction.Unexempt, "lead@fabrikam.example", "3", "anatomy:exempt")],
            entries.Select(e => (e.Action, e.Actor, e.Item!, e.Subject)));
        Assert.Equal("https://dev.azure.com/contoso/web/wi.aspx?id=3", entries[0].Origin);
    }

    private static string Push(string id) => $$"""
        { "id": "{{id}}", "eventType": "git.push",
          "resource": {
            "commits": [ { "commitId": "c2", "author": { "name": "Ann" }, "url": "https://dev.azure.com/contoso/Fabrikam/_git/Architecture/commit/c2" } ],
            "refUpdates": [ { "name": "refs/heads/main", "oldObjectId": "c1", "newObjectId": "c2" } ],
            "repository": { "id": "r-Architecture", "name": "Architecture", "defaultBranch": "refs/heads/main",
              "project": { "id": "{{FakeAzureDevOps.DefaultProjectId}}", "name": "Fabrikam" } },
            "pushedBy": { "displayName": "Lead", "uniqueName": "lead@fabrikam.example" },
            "pushId": 14 } }
        """;

    private static string TagUpdate(int rev, string before, string after) => $$"""
        { "id": "n-{{rev}}", "eventType": "workitem.updated",
          "resource": { "id": {{rev}}, "workItemId": 3, "rev": {{rev}},
            "revisedBy": { "displayName": "Lead", "uniqueName": "lead@fabrikam.example" },
            "fields": { "System.Tags": { "oldValue": "{{before}}", "newValue": "{{after}}" } },
            "_links": { "html": { "href": "https://dev.azure.com/contoso/web/wi.aspx?id=3" } } },
          "resourceContainers": { "project": { "id": "{{FakeAzureDevOps.DefaultProjectId}}" } } }
        """;

    private Task<DeliveryResult> DeliverAsync(string eventType, string body) =>
        _host.Get<IDeliveryHandler>().HandleAsync(
            new Delivery { Platform = Platforms.AzureDevOps, Id = "d-" + eventType, EventName = eventType, Body = body, ReceivedAt = _host.Time.GetUtcNow() }, CancellationToken.None);

    private async Task<List<AuditEntry>> AuditAsync() =>
        await new SqliteAuditLedger(_database).ListAsync(DateTimeOffset.MinValue, 100, default).ToListAsync();

    public void Dispose()
    {
        _host.Dispose();
        _database.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
