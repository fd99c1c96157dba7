using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Cli.Commands.Check;

/// <summary>One line of the report: an evaluated item, or an item that could not be read (with its diagnostic). A value
/// over the engine's evaluation, so a large report is one array rather than an object per item; an evaluated item's
/// identity is read from its prepared item, so no work item is made for it.</summary>
internal readonly struct CheckedItem
{
    private readonly PreparedItem? _prepared;
    private readonly ItemEvaluation _evaluation;

    private CheckedItem(PreparedItem? prepared, ItemEvaluation evaluation)
    {
        _prepared = prepared;
        _evaluation = evaluation;
    }

    public string Id => _prepared?.Id ?? _evaluation.Item.Id;

    public ItemSource Source => _prepared?.Source ?? _evaluation.Item.Source;

    public ItemKind Kind => _prepared?.Kind ?? _evaluation.Item.Kind;

    public string Title => _prepared?.Title ?? _evaluation.Item.Title;

    public Layer Layer => _evaluation.Layer;

    public Trace Trace => _evaluation.Trace;

    public IReadOnlyList<Gap> Gaps => _evaluation.Gaps;

    public IReadOnlyList<string> Diagnostics => _evaluation.Diagnostics;

    public string? ExemptReason => _evaluation.ExemptReason;

    public IReadOnlyList<string> LinkedItems => _evaluation.LinkedItems;

    public GapSeverity? Verdict => _evaluation.Verdict;

    /// <summary>The line of an item the engine evaluated from <paramref name="item"/>.</summary>
    public static CheckedItem From(PreparedItem item, ItemEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(evaluation);
        return new(item, evaluation);
    }

    public static CheckedItem Unreadable(BacklogEntry entry) => new(null, new ItemEvaluation
    {
        Item = new WorkItem { Id = entry.Id, Source = entry.Source, Kind = ItemKind.Other, Title = "" },
        Layer = Layer.Unmapped,
        Trace = Trace.Empty,
        Gaps = [],
        Diagnostics = [entry.Error ?? "unreadable"],
    });
}
