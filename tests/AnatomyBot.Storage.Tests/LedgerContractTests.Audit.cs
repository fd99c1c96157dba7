using AnatomyBot.Core.Audit;
using static AnatomyBot.Storage.Tests.LedgerData;

namespace AnatomyBot.Storage.Tests;

/// <summary>The audit trail: appended entries come back whole, oldest first, from a given time; a key is recorded once.</summary>
public abstract partial class LedgerContractTests
{
    /// <summary>A new audit ledger over this test's storage.</summary>
    protected abstract IAuditLedger OpenAudit();

    private static AuditEntry Waive(DateTimeOffset at, string? key = null) => new()
    {
        At = at,
        Actor = "alice",
        Action = AuditAction.Waive,
        Item = "contoso/web#123",
        Subject = "no-component",
        Until = new DateOnly(2026, 12, 31),
        Reason = "Spike; the component spec follows in Q1",
        Origin = "https://github.com/contoso/web/pull/123#issuecomment-9",
        Key = key,
    };

    [Fact]
    public async Task Audit_AppendedEntries_ListedWholeOldestFirstFromSince()
    {
        var audit = OpenAudit();
        var link = new AuditEntry { At = T0.AddHours(2), Actor = "bob", Action = AuditAction.Link, Item = "4711", Subject = "component:C-LEDGER" };
        var mode = new AuditEntry { At = T0.AddHours(1), Actor = "carol", Action = AuditAction.Mode, Subject = "report -> label", Origin = "https://github.com/contoso/arch/commit/abc" };
        var waive = Waive(T0, "github:comment:9");

        Assert.True(await audit.AppendAsync(link, None));
        Assert.True(await audit.AppendAsync(waive, None));
        Assert.True(await audit.AppendAsync(mode, None));

        Assert.Equal([waive, mode, link], await ToListAsync(OpenAudit().ListAsync(T0, 100, None)));
        Assert.Equal([mode, link], await ToListAsync(OpenAudit().ListAsync(T0.AddHours(1), 100, None)));
        Assert.Equal([waive, mode], await ToListAsync(OpenAudit().ListAsync(T0, 2, None)));
        Assert.Empty(await ToListAsync(OpenAudit().ListAsync(T0.AddHours(3), 100, None)));
    }

    [Fact]
    public async Task Audit_SameKeyTwice_RecordedOnce()
    {
        var audit = OpenAudit();

        Assert.True(await audit.AppendAsync(Waive(T0, "github:comment:9"), None));
        Assert.False(await OpenAudit().AppendAsync(Waive(T0.AddMinutes(1), "github:comment:9"), None));
        Assert.True(await audit.AppendAsync(Waive(T0.AddMinutes(2), "github:comment:10"), None));
        Assert.True(await audit.AppendAsync(Waive(T0.AddMinutes(3)), None));
        Assert.True(await audit.AppendAsync(Waive(T0.AddMinutes(4)), None));

        var listed = await ToListAsync(audit.ListAsync(T0, 100, None));
        Assert.Equal([T0, T0.AddMinutes(2), T0.AddMinutes(3), T0.AddMinutes(4)], listed.Select(e => e.At));
    }

    [Fact]
    public async Task Audit_SameKeyAtOnce_ExactlyOneWins()
    {
        var audit = OpenAudit();

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => audit.AppendAsync(Waive(T0.AddSeconds(i), "ado:comment:7"), None))));

        Assert.Single(results, r => r);
        Assert.Single(await ToListAsync(audit.ListAsync(T0, 100, None)));
    }

    [Fact]
    public async Task Audit_EmptyActorOrOverlongSubject_Refused()
    {
        var audit = OpenAudit();

        await Assert.ThrowsAsync<ArgumentException>(() => audit.AppendAsync(Waive(T0) with { Actor = "" }, None));
        await Assert.ThrowsAsync<ArgumentException>(() => audit.AppendAsync(Waive(T0) with { Subject = new string('x', AuditEntry.MaxTextLength + 1) }, None));
        Assert.Empty(await ToListAsync(audit.ListAsync(T0, 100, None)));
    }
}
