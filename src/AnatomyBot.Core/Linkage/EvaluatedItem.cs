using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Linkage;

/// <summary>What the engine decided for one prepared item of a batch (<see cref="LinkageEngine.EvaluateEach"/>), as a
/// value of three references: a whole backlog's results are one small array rather than an object per item. What the
/// prepared item already holds (its layer, exemption, linked items and diagnostics) is read from it, not copied.
/// <see cref="ItemEvaluation"/> is the same decision as an object, with the item's <see cref="WorkItem"/>.</summary>
/// <param name="Item">The prepared item.</param>
/// <param name="Trace">Effective links: own references, inherited from ancestors and linked items, and implied by the anatomy.</param>
/// <param name="Gaps">Gaps sorted by code; empty when the item is exempt.</param>
public readonly record struct EvaluatedItem(PreparedItem Item, Trace Trace, IReadOnlyList<Gap> Gaps)
{
    /// <summary>The item's id (as <see cref="WorkItem.Id"/>).</summary>
    public string Id => Item.Id;

    public ItemSource Source => Item.Source;

    public ItemKind Kind => Item.Kind;

    public string Title => Item.Title;

    /// <summary>The deepest layer the item reaches by its own references.</summary>
    public Layer Layer => Item.Layer;

    /// <summary>For pull requests: the work items it links to that were found.</summary>
    public IReadOnlyList<string> LinkedItems => (IReadOnlyList<string>?)Item.LinkedFound ?? [];

    /// <summary>Why the item is exempt (an exempt label, a bot author), or null.</summary>
    public string? ExemptReason => Item.ExemptReason;

    /// <summary>Problems with the item's own data (a parent cycle, a missing parent, an unreadable description).</summary>
    public IReadOnlyList<string> Diagnostics => (IReadOnlyList<string>?)Item.Diagnostics ?? [];

    /// <summary>The highest gap severity, or null when there is no gap.</summary>
    public GapSeverity? Verdict => ItemEvaluation.VerdictOf(Gaps);
}
