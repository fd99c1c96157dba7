using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.Core.Digest;

/// <summary>The governance digest: everything the Markdown shows, computed once. Empty lists mean "omit the section".</summary>
public sealed record WeeklyDigest
{
    public required string Title { get; init; }

    /// <summary>The ISO week reported on; null for the stateless digest of a backlog export read without a week.</summary>
    public IsoWeek? Week { get; init; }

    public DateTimeOffset? PeriodStart { get; init; }

    public DateTimeOffset? PeriodEnd { get; init; }

    public string TimeZoneId { get; init; } = "UTC";

    /// <summary>True for the stateless digest of a backlog export (evaluated once, no ledger); with a <see cref="Week"/>
    /// it reports the week's merges from the exports' merge times.</summary>
    public bool FromBacklog { get; init; }

    /// <summary>True when earlier weeks exist to compare with: change figures are shown only then.</summary>
    public bool HasHistory { get; init; }

    public int ItemCount { get; init; }

    public IReadOnlyList<HeadlineFigure> Headline { get; init; } = [];

    public IReadOnlyList<ValueStreamDigest> ValueStreams { get; init; } = [];

    public StrategyDigest Strategy { get; init; } = StrategyDigest.Empty;

    /// <summary>Gaps opened and closed per week, oldest first; empty for the stateless digest.</summary>
    public IReadOnlyList<TrendPoint> Trend { get; init; } = [];

    /// <summary>The items with open gaps, one each with all its gaps: most severe first, then the longest open.</summary>
    public IReadOnlyList<AttentionItem> Attention { get; init; } = [];

    /// <summary>Items with open gaps beyond <see cref="Attention"/>, counted and named as not listed.</summary>
    public int MoreAttention { get; init; }

    public IReadOnlyList<EscapedPullRequest> EscapedPullRequests { get; init; } = [];

    public int MoreEscapedPullRequests { get; init; }

    public IReadOnlyList<AnatomyDiagnostic> AnatomyDiagnostics { get; init; } = [];
}
