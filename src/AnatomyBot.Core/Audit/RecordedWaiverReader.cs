using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Waivers;

namespace AnatomyBot.Core.Audit;

/// <summary>Marks evaluations with the waivers <c>/anatomy waive</c> recorded in the audit trail (<see cref="RecordedWaivers"/>),
/// judged on the clock's UTC day like the file's own; the trail is read once per call, at most
/// <see cref="RecordedWaivers.MaxRead"/> entries from the oldest day a standing waiver can have been made.</summary>
public sealed class RecordedWaiverReader(IAuditLedger? audit, TimeProvider time)
{
    public async Task<IReadOnlyList<ItemEvaluation>> ApplyAsync(IReadOnlyList<ItemEvaluation> evaluations, EnterpriseAnatomy anatomy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evaluations);
        ArgumentNullException.ThrowIfNull(anatomy);
        if (audit is null || !evaluations.Any(e => !e.IsExempt && e.Gaps.Count > 0))
        {
            return evaluations;
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var maxDays = anatomy.Policy.Waivers.MaxDays;
        var entries = await ReadAsync(audit, today, maxDays, cancellationToken).ConfigureAwait(false);
        if (entries.Count == 0)
        {
            return evaluations;
        }

        return [.. evaluations.Select(e => e.IsExempt || e.Gaps.Count == 0 || RecordedWaivers.For(entries, e.Item.Id) is not { Count: > 0 } recorded
            ? e
            : new WaiverSet(recorded, today, maxDays).Apply(e))];
    }

    /// <summary>The audit entries that can hold a waiver standing on <paramref name="today"/>, oldest first: at most
    /// <see cref="RecordedWaivers.MaxRead"/> from <see cref="RecordedWaivers.Since"/>.</summary>
    public static async Task<List<AuditEntry>> ReadAsync(IAuditLedger audit, DateOnly today, int maxDays, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audit);
        return await audit.ListAsync(RecordedWaivers.Since(today, maxDays), RecordedWaivers.MaxRead, cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
    }
}
