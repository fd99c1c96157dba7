using AnatomyBot.Core.Audit;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Fakes.AzureDevOps;
using AnatomyBot.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AnatomyBot.AzureDevOps.Tests.Projects;

/// <summary>What the audit trail records in the second configured project is judged by that project's own anatomy, not
/// by the first project's: a comment command in a pull request (its approvers) and an exemption tag on a work item (its
/// exemption tags).</summary>
public sealed class ManyProjectsCommandTests : IDisposable
{
    private const string TailspinId = "11bb11bb-cc22-dd33-ee44-55ff55ff55ff";
    private const string ArchitectureId = "a1a1a1a1-0000-4000-8000-000000000001";
    private const string MobileId = "a1a1a1a1-0000-4000-8000-000000000002";
    private const string TailspinApprover = "tail-arch@contoso.example";
    private const string TailspinExemption = "tailspin:skip";

    private readonly string _folder = Directory.CreateTempSubdirectory("anatomybot-ado-project-commands-").FullName;
    private readonly SqliteLedgerDatabase _database;
    private readonly TestHost _host;

    public ManyProjectsCommandTests()
    {
        _database = new SqliteLedgerDatabase(Path.Combine(_folder, "ledger.db"));
        _host = new TestHost(
            new()
            {
                ["AzureDevOps:Project"] = null,
                ["AzureDevOps:Projects:0"] = "Fabrikam",
                ["AzureDevOps:Projects:1"] = "Tailspin",
                ["AzureDevOps:Anatomy:Projects:Tailspin:Repository"] = "TailspinArchitecture",
            },
            s => s.AddSingleton<IAuditLedger>(new SqliteAuditLedger(_database)),
            realAnatomy: true);
        _host.Fake.AddProject("Tailspin", TailspinId);
        _host.Anatomy.Files["/anatomy.yml"] = TestAnatomy.Yaml();
        var architecture = _host.Fake.Repository("TailspinArchitecture", ArchitectureId);
        architecture.Project = "Tailspin";
        architecture.Files["/anatomy.yml"] = TestAnatomy.Yaml() + $"policy:\n  waivers:\n    approvers: [\"{TailspinApprover}\"]\n  exempt:\n    labels: [\"{TailspinExemption}\"]\n";
        _host.Fake.Repository("Mobile", MobileId).Project = "Tailspin";
        _host.Fake.Add(new FakeWorkItem { Id = 13, Project = "Tailspin", Title = "Scan passports", Description = "<p>Stage: S-VERIFY</p>" });
        var pr = new FakePullRequest { Number = 17, RepositoryName = "Mobile", Title = "Scanner", Author = "dev@contoso.example" };
        pr.WorkItemIds.Add(13);
        _host.Fake.Add(pr);
    }

    public void Dispose()
    {
        _host.Dispose();
        _database.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task HandleAsync_WaiveByTheSecondProjectsApprover_IsJudgedByThatProjectsAnatomy()
    {
        await Deliver("git.pullrequest.updated", $$"""
            { "id": "pr-17", "eventType": "git.pullrequest.updated",
              "resource": { "pullRequestId": 17, "status": "active", "repository": { "id": "{{MobileId}}", "project": { "id": "{{TailspinId}}" } } } }
            """);
        var pr = _host.Fake.PullRequest(17);
        var thread = new FakeThread { Id = 900 };
        thread.Comments.Add(new FakeThreadComment { Id = 1, Content = "/anatomy waive no-component until 2026-12-31 because Spike", Author = TailspinApprover });
        pr.Threads.Add(thread);

        await Deliver("ms.vss-code.git-pullrequest-comment-event", $$"""
            { "id": "c-900-1", "eventType": "ms.vss-code.git-pullrequest-comment-event", "publisherId": "tfs",
              "resource": {
                "comment": { "id": 1, "parentCommentId": 0, "content": "payload copy, never trusted", "commentType": "text",
                  "_links": { "threads": { "href": "https://dev.azure.com/contoso/_apis/git/repositories/{{MobileId}}/pullRequests/17/threads/900" } } },
                "pullRequest": { "pullRequestId": 17, "repository": { "id": "{{MobileId}}", "project": { "id": "{{TailspinId}}" } } } },
              "resourceContainers": { "project": { "id": "{{TailspinId}}" } } }
            """);

        Assert.StartsWith("<!-- anatomybot:reply -->\n✅ Waived `no-component`", thread.Comments[^1].Content, StringComparison.Ordinal);
        var waive = Assert.Single(await new SqliteAuditLedger(_database).ListAsync(DateTimeOffset.MinValue, 100, default).ToListAsync());
        Assert.Equal((AuditAction.Waive, "no-component", TailspinApprover), (waive.Action, waive.Subject, waive.Actor));
    }

    [Fact]
    public async Task HandleAsync_ExemptionTagOfTheSecondProjectsAnatomy_IsRecordedForAnItemOfThatProject()
    {
        await Deliver("workitem.updated", $$"""
            { "id": "wi-13-2", "eventType": "workitem.updated",
              "resource": { "id": 2, "workItemId": 13, "rev": 2,
                "revisedBy": { "displayName": "Lead", "uniqueName": "lead@contoso.example" },
                "fields": { "System.Tags": { "oldValue": "", "newValue": "{{TailspinExemption}}; anatomy:exempt" } },
                "revision": { "id": 13, "rev": 2, "fields": { "System.TeamProject": "Tailspin" } } },
              "resourceContainers": { "project": { "id": "{{TailspinId}}" } } }
            """);

        var exempt = Assert.Single(await new SqliteAuditLedger(_database).ListAsync(DateTimeOffset.MinValue, 100, default).ToListAsync());
        Assert.Equal((AuditAction.Exempt, TailspinExemption, "lead@contoso.example", "13"), (exempt.Action, exempt.Subject, exempt.Actor, exempt.Item));
    }

    private Task<DeliveryResult> Deliver(string eventType, string body) =>
        _host.Get<IDeliveryHandler>().HandleAsync(
            new Delivery { Platform = Platforms.AzureDevOps, Id = Guid.NewGuid().ToString(), EventName = eventType, Body = body, ReceivedAt = _host.Time.GetUtcNow() },
            CancellationToken.None);
}
