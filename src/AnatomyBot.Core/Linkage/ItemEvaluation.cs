using System.Diagnostics.CodeAnalysis;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Linkage;

/// <summary>What the engine decided for one item.</summary>
public sealed record ItemEvaluation
{
    /// <summary>The prepared item this was evaluated from, when <see cref="Item"/> was not given: the work item is then
    /// made from its identity only when first asked for (a whole backlog's report reads the identity from the prepared
    /// items, and never needs a work item per item).</summary>
    private readonly PreparedItem? _prepared;
    private readonly WorkItem? _item;

    public ItemEvaluation()
    {
    }

    // Item is read through the prepared item, which is never null here.
#pragma warning disable CS8618
    [SetsRequiredMembers]
    internal ItemEvaluation(in EvaluatedItem evaluated)
    {
        _prepared = evaluated.Item;
        Layer = evaluated.Layer;
        Trace = evaluated.Trace;
        Gaps = evaluated.Gaps;
        LinkedItems = evaluated.LinkedItems;
        ExemptReason = evaluated.ExemptReason;
        Diagnostics = evaluated.Diagnostics;
    }
#pragma warning restore CS8618

    public required WorkItem Item
    {
        get => _item ?? _prepared!.Item;
        init => _item = value;
    }

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

    /// <summary>The highest gap severity, or null when there is no gap.</summary>
    public GapSeverity? Verdict => VerdictOf(Gaps);

    internal static GapSeverity? VerdictOf(IReadOnlyList<Gap> gaps)
    {
        GapSeverity? verdict = null;
        for (var g = 0; g < gaps.Count; g++)
        {
            verdict = verdict is { } highest && highest >= gaps[g].Severity ? highest : gaps[g].Severity;
        }

        return verdict;
    }
}
