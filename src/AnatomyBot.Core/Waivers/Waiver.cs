using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.Core.Waivers;

/// <summary>A decision to let named gaps of named items pass until a date: from the <c>waivers</c> section of
/// <c>anatomy.yml</c> or from an <c>/anatomy waive</c> command. A waived gap stays visible but does not fail the check
/// nor add its label.</summary>
public sealed record Waiver
{
    /// <summary>The waiver's id, e.g. <c>W-2026-014</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The items it covers: GitHub <c>owner/repo#N</c> or Azure DevOps ids, matched case-insensitively.</summary>
    public required IReadOnlyList<string> Items { get; init; }

    /// <summary>The gap codes it waives; <c>*</c> waives every gap.</summary>
    public required IReadOnlyList<string> Gaps { get; init; }

    /// <summary>The last day (inclusive, UTC) on which it applies.</summary>
    public required DateOnly Until { get; init; }

    public required string Reason { get; init; }

    /// <summary>The user or team that approved it (<c>@contoso/architects</c>).</summary>
    public required string ApprovedBy { get; init; }

    /// <summary>Where the file declares it; <see cref="SourcePosition.None"/> for a waiver recorded by a command.</summary>
    public SourcePosition Position { get; init; } = SourcePosition.None;

    /// <summary>The comment or commit a waiver recorded by a command came from; null for the file's waivers.</summary>
    public string? SourceUrl { get; init; }

    public bool Covers(string itemId) => Items.Any(i => string.Equals(i, itemId, StringComparison.OrdinalIgnoreCase));

    public bool Waives(string gapCode) => Gaps.Any(g => g == WaiverRules.AllGaps || string.Equals(g, gapCode, StringComparison.Ordinal));
}
