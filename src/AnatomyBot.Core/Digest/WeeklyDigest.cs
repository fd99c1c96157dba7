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

    /// <summary>The work in flight placed on no stage of any value stream (its layer counts, gaps and fully linked share);
    /// <see cref="StageDigest.Items"/> is 0 when every item sits on a stage.</summary>
    public StageDigest UnplacedWork { get; init; } = new StageTally().ToDigest(StageDigest.UnplacedId, StageDigest.UnplacedName);

    public StrategyDigest Strategy { get; init; } = StrategyDigest.Empty;

    /// <summary>Gaps opened and closed per week, oldest first, over the weeks the ledger holds data for (at most the
    /// trend window; a ledger younger than the window starts at its first week); empty for the stateless digest and for a
    /// window with no gap event.</summary>
    public IReadOnlyList<TrendPoint> Trend { get; init; } = [];

    /// <summary>The gaps opened and closed in the reported week, counted and the most severe named.</summary>
    public WeekGapChanges WeekGaps { get; init; } = WeekGapChanges.None;

    /// <summary>The items with open gaps, one each with all its gaps: most severe first, then the longest open.</summary>
    public IReadOnlyList<AttentionItem> Attention { get; init; } = [];

    /// <summary>Items with open gaps beyond <see cref="Attention"/>, counted and named as not listed.</summary>
    public int MoreAttention { get; init; }

    public IReadOnlyList<EscapedPullRequest> EscapedPullRequests { get; init; } = [];

    public int MoreEscapedPullRequests { get; init; }

    public IReadOnlyList<AnatomyDiagnostic> AnatomyDiagnostics { get; init; } = [];

    /// <summary>The waivers standing, lapsing soon and lapsed in the week, and counts by approver.</summary>
    public WaiverDigest Waivers { get; init; } = WaiverDigest.None;
}
