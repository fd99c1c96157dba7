using AnatomyBot.Core.Audit;
using AnatomyBot.Core.Digest;
using AnatomyBot.Core.Digest.Rendering;
using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Waivers;
using Moq;

namespace AnatomyBot.Core.Tests.Digest;

/// <summary>The digest's Waivers section: which waivers stand, lapse soon and lapsed in the week, counted by approver;
/// from the file and the audit trail in the stored digest, from the file alone (and saying so) in the stateless one.</summary>
public sealed class WaiverDigestTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);
    private static readonly DateOnly Sunday = new(2026, 11, 29);

    [Theory]
    [InlineData("2026-11-21", false, false, false)]
    [InlineData("2026-11-22", false, false, true)]
    [InlineData("2026-11-28", false, false, true)]
    [InlineData("2026-11-29", true, true, false)]
    [InlineData("2026-12-12", true, true, false)]
    [InlineData("2026-12-13", true, false, false)]
    public void For_UntilAroundTheWeek_StandsLapsesOrLapsed(string until, bool standing, bool expiring, bool lapsed)
    {
        var digest = WaiverDigest.For([Waiver("W-1", until, "@a")], [], Monday, Sunday);

        Assert.Equal((standing, expiring, lapsed), (digest.ActiveCount == 1, digest.ExpiringCount == 1, digest.LapsedCount == 1));
        Assert.False(digest.FileOnly);
    }

    [Fact]
    public void For_FileAndCommandWaivers_CountedByApproverMostFirst()
    {
        var digest = WaiverDigest.For(
            [Waiver("W-1", "2026-12-31", "@team"), Waiver("W-2", "2026-12-30", "@Team"), Waiver("W-3", "2026-11-01", "@old")],
            [Waiver("C-1", "2026-12-01", "@dana")],
            Monday,
            Sunday);

        Assert.Equal([("@Team", 2), ("@dana", 1)], digest.ByApprover);
        Assert.Equal(["C-1", "W-2", "W-1"], digest.Active.Select(r => r.Id));
        Assert.True(digest.Active[0].ByCommand);
    }

    [Fact]
    public async Task BuildAsync_AuditTrail_CommandWaiversOfTheWeekJoinTheFile()
    {
        var audit = new Mock<IAuditLedger>();
        var entries = new[]
        {
            Entry(AuditAction.Waive, "contoso/onboarding#30", new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero), "comment:github:contoso/onboarding:1:0"),
            Entry(AuditAction.Waive, "contoso/onboarding#31", new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero), "file:waiver:abc"),
            // After the week: not yet made when the week ended.
            Entry(AuditAction.Waive, "contoso/onboarding#32", new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero), "comment:github:contoso/onboarding:2:0"),
        };
        audit.Setup(a => a.ListAsync(It.IsAny<DateTimeOffset>(), It.IsAny<int>(), It.IsAny<CancellationToken>())).Returns(entries.ToAsyncEnumerable());
        var ledger = new Mock<IEvaluationLedger>();
        ledger.Setup(l => l.ListLatestAsync(It.IsAny<CancellationToken>())).Returns(AsyncEnumerable.Empty<StoredEvaluation>());
        ledger.Setup(l => l.ListGapEventsAsync(It.IsAny<DateTimeOffset>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>())).Returns(AsyncEnumerable.Empty<GapEvent>());

        var digest = await new DigestService(ledger.Object, audit.Object).BuildAsync(DigestFixture.Request() with { CommandWaivers = null }, default);

        var command = Assert.Single(digest.Waivers.Active, r => r.ByCommand);
        Assert.Equal(["contoso/onboarding#30"], command.Items);
        Assert.Equal("@dana", command.ApprovedBy);
        Assert.Contains("From the anatomy file and from `/anatomy waive`", DigestMarkdownRenderer.Render(digest), StringComparison.Ordinal);
    }

    [Fact]
    public void BuildStateless_FileWaivers_SaysTheLedgerIsNotRead()
    {
        var digest = DigestBuilder.BuildStateless(DigestFixture.Anatomy, [], week: DigestFixture.Week);

        var markdown = DigestMarkdownRenderer.Render(digest);

        Assert.True(digest.Waivers.FileOnly);
        Assert.Contains("## Waivers\n\n2 waivers standing on 2026-11-29, 1 lapsing within 14 days, 1 lapsed this week. From the anatomy file only", markdown, StringComparison.Ordinal);
    }

    private static AuditEntry Entry(AuditAction action, string item, DateTimeOffset at, string key) => new()
    {
        At = at, Actor = "dana", Action = action, Item = item, Subject = "no-component", Until = new DateOnly(2026, 12, 20), Reason = "Hotfix", Key = key,
    };

    private static Waiver Waiver(string id, string until, string approver) => new()
    {
        Id = id, Items = ["4711"], Gaps = ["no-component"], Until = DateOnly.Parse(until, System.Globalization.CultureInfo.InvariantCulture), Reason = "r", ApprovedBy = approver,
    };
}
