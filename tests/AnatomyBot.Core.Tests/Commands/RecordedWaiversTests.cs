using AnatomyBot.Core.Audit;

namespace AnatomyBot.Core.Tests.Commands;

public sealed class RecordedWaiversTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static AuditEntry Entry(AuditAction action, string gap, int minutes, string? key = "comment:github:acme/web:1:0", string item = "acme/web#7") => new()
    {
        At = T0.AddMinutes(minutes),
        Actor = "lead",
        Action = action,
        Item = item,
        Subject = gap,
        Until = action == AuditAction.Waive ? new DateOnly(2026, 12, 31) : null,
        Reason = action == AuditAction.Waive ? "spike" : null,
        Origin = "https://github.com/acme/web/pull/7#issuecomment-1",
        Key = key,
    };

    [Fact]
    public void For_WaivesThenUnwaive_OnlyTheStandingOnesOfTheItem()
    {
        AuditEntry[] entries =
        [
            Entry(AuditAction.Waive, "no-component", 0),
            Entry(AuditAction.Waive, "no-outcome", 1),
            Entry(AuditAction.Waive, "no-stage", 2, item: "acme/web#8"),
            Entry(AuditAction.Waive, "no-logic", 3, key: "file:W-2026-014"),
            Entry(AuditAction.Unwaive, "no-component", 4),
        ];

        var waiver = Assert.Single(RecordedWaivers.For(entries, "ACME/web#7"));

        Assert.Equal(["no-outcome"], waiver.Gaps);
        Assert.Equal((new DateOnly(2026, 12, 31), "spike", "@lead", "https://github.com/acme/web/pull/7#issuecomment-1"), (waiver.Until, waiver.Reason, waiver.ApprovedBy, waiver.SourceUrl));
    }

    [Fact]
    public void Since_ReachesBackPastTheLongestWaiver()
    {
        Assert.Equal(new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero), RecordedWaivers.Since(new DateOnly(2026, 12, 1), 90));
    }
}
