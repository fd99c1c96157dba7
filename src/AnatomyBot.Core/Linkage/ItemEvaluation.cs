using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage.Batch;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Linkage;

/// <summary>What the engine decided for one item.</summary>
public sealed record ItemEvaluation
{
    public required WorkItem Item { get; init; }

    /// <summary>The deepest layer the item reaches by its own references.</summary>
    public required Layer Layer { get; init; }

    /// <summary>Effective links: own references, inherited from ancestors and linked items, and implied by the anatomy.</summary>
    public required Trace Trace { get; init; }

    /// <summary>Gaps sorted by code; empty when the item is exempt.</summary>
    public required IReadOnlyList<Gap> Gaps { get; init; }

    /// <summary>For pull requests: the work items it links to that were found (same id space as <see cref="WorkItem.Id"/>).</summary>
    public IReadOnlyList<string> LinkedItems { get; init; } = [];

    /// <summary>Why the item is exempt (an exempt label, a bot author), or null.</summary>
    public string? ExemptReason { get; init; }

    /// <summary>Problems with the item's own data (a parent cycle, a missing parent, an unreadable description).</summary>
    public IReadOnlyList<string> Diagnostics { get; init; } = [];

    public bool IsExempt => ExemptReason is not null;

    /// <summary>The highest severity of a gap no waiver covers, or null when there is none.</summary>
    public GapSeverity? Verdict => VerdictOf(Gaps);

    /// <summary>What the engine decided for <paramref name="item"/>, prepared as <paramref name="prepared"/>.</summary>
    internal static ItemEvaluation Of(WorkItem item, PreparedItem prepared, Trace trace, IReadOnlyList<Gap> gaps) => new()
    {
        Item = item,
        Layer = prepared.Layer,
        Trace = trace,
        Gaps = gaps,
        LinkedItems = (IReadOnlyList<string>?)prepared.LinkedFound ?? [],
        ExemptReason = prepared.ExemptReason,
        Diagnostics = (IReadOnlyList<string>?)prepared.Diagnostics ?? [],
    };

    internal static GapSeverity? VerdictOf(IReadOnlyList<Gap> gaps)
    {
        GapSeverity? verdict = null;
        for (var g = 0; g < gaps.Count; g++)
        {
            if (gaps[g].Waiver is not null)
            {
                continue;
            }

            verdict = verdict is { } highest && highest >= gaps[g].Severity ? highest : gaps[g].Severity;
        }

        return verdict;
    }
}
