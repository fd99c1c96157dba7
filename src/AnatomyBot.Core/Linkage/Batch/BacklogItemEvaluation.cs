using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Linkage.Batch;

/// <summary>What the engine decided for one item of a <see cref="BacklogBatch"/>, as <see cref="ItemEvaluation"/> says
/// it for a work item, but as a value of three references (a whole backlog's results are one array, not an object
/// each) and with the item's identity instead of the work item.</summary>
public readonly struct BacklogItemEvaluation
{
    private readonly PreparedItem _item;

    internal BacklogItemEvaluation(PreparedItem item, Trace trace, IReadOnlyList<Gap> gaps)
    {
        _item = item;
        Trace = trace;
        Gaps = gaps;
    }

    /// <inheritdoc cref="WorkItem.Id"/>
    public string Id => _item.Id;

    public ItemSource Source => _item.Source;

    public ItemKind Kind => _item.Kind;

    public string Title => _item.Title;

    /// <summary>The item's web page, when the backlog was read with links; else null.</summary>
    public string? Url => _item.Url;

    /// <inheritdoc cref="PreparedItem.IsClosed"/>
    public bool IsClosed => _item.IsClosed;

    /// <summary>True for an entry that could not be read as an item: it has its id, platform and why, nothing else.</summary>
    public bool IsUnreadable => _item.IsUnreadable;

    /// <inheritdoc cref="ItemEvaluation.Layer"/>
    public Layer Layer => _item.Layer;

    /// <inheritdoc cref="ItemEvaluation.Trace"/>
    public Trace Trace { get; }

    /// <inheritdoc cref="ItemEvaluation.Gaps"/>
    public IReadOnlyList<Gap> Gaps { get; }

    /// <inheritdoc cref="ItemEvaluation.LinkedItems"/>
    public IReadOnlyList<string> LinkedItems => (IReadOnlyList<string>?)_item.LinkedFound ?? [];

    /// <inheritdoc cref="ItemEvaluation.ExemptReason"/>
    public string? ExemptReason => _item.ExemptReason;

    /// <inheritdoc cref="ItemEvaluation.Diagnostics"/>
    public IReadOnlyList<string> Diagnostics => (IReadOnlyList<string>?)_item.Diagnostics ?? [];

    /// <inheritdoc cref="ItemEvaluation.Verdict"/>
    public GapSeverity? Verdict => ItemEvaluation.VerdictOf(Gaps);

    /// <summary>This evaluation with its gaps marked by waivers and the item's ignored waivers noted.</summary>
    internal BacklogItemEvaluation Waived(IReadOnlyList<Gap> gaps, IReadOnlyList<string> problems)
    {
        foreach (var problem in problems)
        {
            _item.AddDiagnostic(problem);
        }

        return new BacklogItemEvaluation(_item, Trace, gaps);
    }
}
