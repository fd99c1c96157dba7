using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Cli.Commands.Check;

/// <summary>One line of the report: an evaluated item, or an item that could not be read (with its diagnostic). A value,
/// so a large report is one array rather than an object per item; an evaluated item's identity is read from its
/// prepared item, so no work item is made for it.</summary>
internal readonly struct CheckedItem
{
    private readonly PreparedItem? _prepared;
    private readonly WorkItem? _unreadable;

    private CheckedItem(PreparedItem? prepared, WorkItem? unreadable, Layer layer, Trace trace, IReadOnlyList<Gap> gaps,
        IReadOnlyList<string> diagnostics, string? exemptReason, IReadOnlyList<string> linkedItems)
    {
        _prepared = prepared;
        _unreadable = unreadable;
        Layer = layer;
        Trace = trace;
        Gaps = gaps;
        Diagnostics = diagnostics;
        ExemptReason = exemptReason;
        LinkedItems = linkedItems;
    }

    public string Id => _prepared?.Id ?? _unreadable!.Id;

    public ItemSource Source => _prepared?.Source ?? _unreadable!.Source;

    public ItemKind Kind => _prepared?.Kind ?? _unreadable!.Kind;

    public string Title => _prepared?.Title ?? _unreadable!.Title;

    public Layer Layer { get; }

    public Trace Trace { get; }

    public IReadOnlyList<Gap> Gaps { get; }

    public IReadOnlyList<string> Diagnostics { get; }

    public string? ExemptReason { get; }

    public IReadOnlyList<string> LinkedItems { get; }

    /// <summary>The line of an item the engine evaluated.</summary>
    public static CheckedItem From(in EvaluatedItem evaluated)
    {
        ArgumentNullException.ThrowIfNull(evaluated.Item);
        return new(evaluated.Item, null, evaluated.Layer, evaluated.Trace, evaluated.Gaps, evaluated.Diagnostics,
            evaluated.ExemptReason, evaluated.LinkedItems);
    }

    /// <summary>The line of an item that could not be read: its id and platform as far as they could be told, and why.</summary>
    public static CheckedItem Unreadable(BacklogEntry entry) => new(
        null, new WorkItem { Id = entry.Id, Source = entry.Source, Kind = ItemKind.Other, Title = "" },
        Layer.Unmapped, Trace.Empty, [], [entry.Error ?? "unreadable"], null, []);
}
