using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Cli.Commands.Check;

/// <summary>One line of the report: an evaluated item, or an item that could not be read (with its diagnostic).</summary>
internal sealed record CheckedItem(
    string Id,
    ItemSource Source,
    ItemKind Kind,
    string Title,
    Layer Layer,
    Trace Trace,
    IReadOnlyList<Gap> Gaps,
    IReadOnlyList<string> Diagnostics,
    string? ExemptReason,
    IReadOnlyList<string> LinkedItems)
{
    public static CheckedItem From(ItemEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var item = evaluation.Item;
        return new(item.Id, item.Source, item.Kind, item.Title, evaluation.Layer, evaluation.Trace, evaluation.Gaps,
            evaluation.Diagnostics, evaluation.ExemptReason, evaluation.LinkedItems);
    }

    public static CheckedItem Unreadable(BacklogEntry entry) =>
        new(entry.Id, entry.Source, ItemKind.Other, "", Layer.Unmapped, Trace.Empty, [], [entry.Error ?? "unreadable"], null, []);

    public GapSeverity? Verdict => Gaps.Count == 0 ? null : Gaps.Max(g => g.Severity);
}
