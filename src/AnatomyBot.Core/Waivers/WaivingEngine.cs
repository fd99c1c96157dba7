using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;

namespace AnatomyBot.Core.Waivers;

/// <summary>An engine whose evaluations carry the anatomy's waivers as they stand on the UTC day of each evaluation, so
/// a waiver lapses by itself: the next evaluation after its <c>until</c> date (a delivery, a re-check or the sweep)
/// shows the gap again, its label and failing check come back, and the report notes that the waiver expired.</summary>
internal sealed class WaivingEngine(ILinkageEngine inner, EnterpriseAnatomy anatomy, TimeProvider time) : ILinkageEngine
{
    public IReadOnlyList<ItemEvaluation> Evaluate(IReadOnlyList<WorkItem> items)
    {
        var waivers = WaiverSet.For(anatomy, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        return [.. inner.Evaluate(items).Select(waivers.Apply)];
    }
}
