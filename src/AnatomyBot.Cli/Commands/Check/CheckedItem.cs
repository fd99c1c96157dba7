using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Cli.Commands.Check;

/// <summary>One line of the report: an evaluated item, or an item that could not be read (with its diagnostic). A value,
/// so a large report is one array rather than an object per item; an evaluated item's identity is read from its
/// prepared item, so no work item is made for it.</summary>
internal readonly struct CheckedItem
{
    private readonly EvaluatedItem _evaluated;
    private readonly WorkItem? _unreadable;

    private CheckedItem(in EvaluatedItem evaluated, WorkItem? unreadable)
    {
        _evaluated = evaluated;
        _unreadable = unreadable;
    }

    public string Id => _unreadable?.Id ?? _evaluated.Item.Id;

    public ItemSource Source => _unreadable?.Source ?? _evaluated.Item.Source;

    public ItemKind Kind => _unreadable?.Kind ?? _evaluated.Item.Kind;

    public string Title => _unreadable?.Title ?? _evaluated.Item.Title;

    public Layer Layer => _evaluated.Layer;

    public Trace Trace => _evaluated.Trace;

    public IReadOnlyList<Gap> Gaps => _evaluated.Gaps;

    public IReadOnlyList<string> Diagnostics => _evaluated.Diagnostics;

    public string? ExemptReason => _evaluated.ExemptReason;

    public IReadOnlyList<string> LinkedItems => _evaluated.LinkedItems;

    public GapSeverity? Verdict => _evaluated.Verdict;

    /// <summary>The line of an item the engine evaluated.</summary>
    public static CheckedItem From(in EvaluatedItem evaluated)
    {
        ArgumentNullException.ThrowIfNull(evaluated.Item);
        return new(evaluated, null);
    }

    public static CheckedItem Unreadable(BacklogEntry entry) => new(
        new EvaluatedItem(null!, Layer.Unmapped, Trace.Empty, [], [], null, [entry.Error ?? "unreadable"]),
        new WorkItem { Id = entry.Id, Source = entry.Source, Kind = ItemKind.Other, Title = "" });
}
