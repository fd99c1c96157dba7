using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Ledger;

/// <summary>The latest evaluation of one item as the ledger keeps it: enough to draw the digest without the platform.</summary>
public sealed record StoredEvaluation
{
    public required ItemSource Source { get; init; }

    public required string ItemId { get; init; }

    public required ItemKind Kind { get; init; }

    public required string Title { get; init; }

    public string? Url { get; init; }

    /// <summary>Repository or area path (the digest groups by it).</summary>
    public string? Scope { get; init; }

    public required Layer Layer { get; init; }

    public required Trace Trace { get; init; }

    /// <summary>Open gaps: code → severity.</summary>
    public required IReadOnlyDictionary<string, GapSeverity> Gaps { get; init; }

    public bool IsExempt { get; init; }

    public bool IsOpen { get; init; } = true;

    /// <summary>For pull requests: when it was merged, if it was.</summary>
    public DateTimeOffset? MergedAt { get; init; }

    /// <summary>When an item was first seen by the ledger.</summary>
    public required DateTimeOffset FirstSeen { get; init; }

    public required DateTimeOffset EvaluatedAt { get; init; }
}
