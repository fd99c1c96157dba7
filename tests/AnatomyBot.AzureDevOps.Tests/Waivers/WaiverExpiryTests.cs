using AnatomyBot.AzureDevOps.Reading;
using AnatomyBot.Core.Audit;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Fakes.AzureDevOps;
using AnatomyBot.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AnatomyBot.AzureDevOps.Tests.Waivers;

/// <summary>A waiver lapses by itself on Azure DevOps: on a fake clock, the nightly sweep after its last day brings the
/// gap back — a waiver of the anatomy file on a work item (its gap tag returns and its discussion comment says the
/// waiver expired) and one made by <c>/anatomy waive</c> in a pull-request thread, read from a SQLite audit trail (the
/// <c>anatomybot/linkage</c> status fails again and the report thread says so).</summary>
public sealed class WaiverExpiryTests : IDisposable
{
    private const string Approver = "arch@contoso.example";

    private readonly string _folder = Directory.CreateTempSubdirectory("anatomybot-ado-expiry-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly SqliteLedgerDatabase _database;
    private readonly TestHost _host;
    private readonly FakePullRequest _pr;

    public WaiverExpiryTests()
    {
        _database = new SqliteLedgerDatabase(Path.Combine(_folder, "ledger.db"));
        _host = new TestHost(realAnatomy: true, configure: s =>
        {
            s.AddSingleton<TimeProvider>(_clock);
            s.AddSingleton<IAuditLedger>(new SqliteAuditLedger(_database));
        });
        _host.Anatomy.Files["/anatomy.yml"] = TestAnatomy.Yaml() + $$"""
            policy:
              waivers:
                approvers: ["{{Approver}}"]
            waivers:
              - { id: W-2026-014, items: ["20"], gaps: [no-component], until: 2026-11-30, reason: Spike, approvedBy: "@contoso/architects" }

            """;
        _host.Fake.Add(new FakeWorkItem { Id = 20, Title = "Scan passports", Description = "<p>Stage: S-VERIFY</p>" });
        _pr = new FakePullRequest { Number = 5, Title = "Add scanner", Author = "dev@contoso.example" };
        _pr.WorkItemIds.Add(20);
        _host.Fake.Add(_pr);
    }

    [Fact]
    public async Task Sweep_AfterTheLastDay_FileAndCommandWaiversLapseAndTheGapReturns()
    {
        await DeliverAsync("git.pullrequest.updated", Payloads.PullRequest("git.pullrequest.updated", 5));
        Assert.Equal("failed", _pr.Statuses[^1].State);
        var thread = new FakeThread { Id = 900 };
        thread.Comments.Add(new FakeThreadComment { Id = 1, Content = "/anatomy waive no-component until 2026-11-30 because Hotfix", Author = Approver });
        _pr.Threads.Add(thread);
        await DeliverAsync("ms.vss-code.git-pullrequest-comment-event", Payloads.PullRequestThreadComment(900, 1));

        await SweepAsync();
        Assert.Equal("succeeded", _pr.Statuses[^1].State);
        Assert.Null(_host.Fake.WorkItems[20].Tags);
        Assert.Empty(_host.Fake.WorkItems[20].Comments);
        var report = _pr.Threads[0];
        Assert.Equal("fixed", report.Status);
        Assert.Contains("### ✅ Anatomy: 1 gap waived", report.Comments[0].Content, StringComparison.Ordinal);

        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 23, 59, 0, TimeSpan.Zero));
        _host.Fake.ClearRequests();
        await SweepAsync();
        Assert.Equal([.. SweepReads(lapsed: false, report.Id)], _host.Fake.Requests.Select(r => r.ToString()));

        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero));
        _host.Fake.ClearRequests();
        await SweepAsync();
        Assert.Equal([.. SweepReads(lapsed: true, report.Id)], _host.Fake.Requests.Select(r => r.ToString()));

        Assert.Equal(["anatomy:no-component"], TagList.Parse(_host.Fake.WorkItems[20].Tags));
        var itemComment = Assert.Single(_host.Fake.WorkItems[20].Comments).Text;
        Assert.Contains("### ⚠️ Anatomy: this story needs 1 link", itemComment, StringComparison.Ordinal);
        Assert.Contains("- waiver W-2026-014 expired on 2026-11-30", itemComment, StringComparison.Ordinal);
        Assert.Equal("failed", _pr.Statuses[^1].State);
        Assert.Equal(("anatomybot", "linkage"), (_pr.Statuses[^1].Genre, _pr.Statuses[^1].Name));
        Assert.Equal("active", report.Status);
        Assert.Contains("### 🛑 Anatomy: 1 gap — merge blocked", report.Comments[0].Content, StringComparison.Ordinal);
        Assert.Contains("- waiver C-20261125120000 expired on 2026-11-30", report.Comments[0].Content, StringComparison.Ordinal);
        Assert.DoesNotContain("waived", report.Comments[0].Content + itemComment, StringComparison.Ordinal);
    }

    /// <summary>The sweep's requests: the listing, the work item's batch, the anatomy (its cache lapsed with the days), the
    /// item's discussion and the pull request's reads; once the waivers lapse, the tag, a new discussion comment (the
    /// discussion read again to keep the bot's oldest), the report thread's text and status (active again) and a failing
    /// status.</summary>
    private static IEnumerable<string> SweepReads(bool lapsed, int thread)
    {
        const string Wit = "/contoso/Fabrikam/_apis/wit";
        const string Pr = $"/contoso/{FakeAzureDevOps.DefaultProjectId}/_apis/git/repositories/{FakeAzureDevOps.DefaultRepositoryId}/pullRequests/5";
        const string Written = "/contoso/Fabrikam/_apis/git/repositories/Web/pullRequests/5";
        const string Discussion = $"GET {Wit}/workItems/20/comments?$top=200&order=asc&api-version=7.1-preview.4";
        yield return $"POST {Wit}/wiql?$top=1000&api-version=7.1";
        yield return "GET /contoso/Fabrikam/_apis/git/pullrequests?searchCriteria.status=active&$skip=0&$top=100&api-version=7.1";
        yield return $"POST {Wit}/workitemsbatch?api-version=7.1";
        yield return "GET /contoso/Fabrikam/_apis/git/repositories/Architecture/items?path=%2Fanatomy.yml&includeContent=true&api-version=7.1";
        yield return Discussion;
        if (lapsed)
        {
            yield return $"PATCH {Wit}/workitems/20?api-version=7.1";
            yield return $"POST {Wit}/workItems/20/comments?format=markdown&api-version=7.1-preview.4";
            yield return Discussion;
        }

        yield return $"GET {Pr.Replace("pullRequests", "pullrequests", StringComparison.Ordinal)}?api-version=7.1";
        yield return $"GET {Pr}/workitems?api-version=7.1";
        yield return $"GET {Pr}/iterations?api-version=7.1";
        yield return $"GET {Pr}/iterations/1/changes?$top=1000&$skip=0&api-version=7.1";
        yield return $"GET {Pr}/threads?api-version=7.1";
        yield return $"GET {Pr}/iterations/1/statuses?api-version=7.1";
        yield return $"POST {Wit}/workitemsbatch?api-version=7.1";
        if (lapsed)
        {
            yield return $"GET {Written}/threads/{thread}?api-version=7.1";
            yield return $"PATCH {Written}/threads/{thread}/comments/1?api-version=7.1";
            yield return $"PATCH {Written}/threads/{thread}?api-version=7.1";
            yield return $"POST {Written}/iterations/1/statuses?api-version=7.1";
        }
    }

    private async Task DeliverAsync(string eventType, string body) =>
        await _host.Get<IDeliveryHandler>().HandleAsync(
            new Delivery { Platform = Platforms.AzureDevOps, Id = Guid.NewGuid().ToString(), EventName = eventType, Body = body, ReceivedAt = _clock.GetUtcNow() },
            CancellationToken.None);

    private async Task SweepAsync()
    {
        var source = Assert.Single(_host.Get<IEnumerable<ISweepSource>>());
        foreach (var delivery in await source.CreateSweepDeliveriesAsync(_clock.GetUtcNow(), CancellationToken.None))
        {
            await _host.Get<IDeliveryHandler>().HandleAsync(delivery, CancellationToken.None);
        }
    }

    public void Dispose()
    {
        _host.Dispose();
        _database.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
