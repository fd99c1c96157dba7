using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Linkage;

namespace AnatomyBot.Core.Digest;

/// <summary>Builds the digest model in one pass over the latest evaluations and one pass over the gap events, so a
/// ledger of 100,000 items and a million events never sits in memory.</summary>
public static class DigestBuilder
{
    /// <summary>The weekly digest from the ledger. <paramref name="events"/> must hold every gap event from
    /// <see cref="DigestRequest.EventsSince"/> on (events after the week tell what the state was at its end).</summary>
    public static async Task<WeeklyDigest> BuildAsync(
        DigestRequest request,
        IAsyncEnumerable<StoredEvaluation> latest,
        IAsyncEnumerable<GapEvent> events,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(latest);
        ArgumentNullException.ThrowIfNull(events);
        var accumulator = new DigestAccumulator(request.Anatomy, new DigestWindow(request));
        await foreach (var item in latest.WithCancellation(cancellationToken))
        {
            accumulator.AddItem(item);
        }

        await foreach (var gapEvent in events.WithCancellation(cancellationToken))
        {
            accumulator.AddEvent(gapEvent);
        }

        return Complete(request, accumulator);
    }

    /// <summary>The weekly digest from in-memory sequences (tests, small ledgers).</summary>
    public static WeeklyDigest Build(DigestRequest request, IEnumerable<StoredEvaluation> latest, IEnumerable<GapEvent> events)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(latest);
        ArgumentNullException.ThrowIfNull(events);
        var accumulator = new DigestAccumulator(request.Anatomy, new DigestWindow(request));
        foreach (var item in latest)
        {
            accumulator.AddItem(item);
        }

        foreach (var gapEvent in events)
        {
            accumulator.AddEvent(gapEvent);
        }

        return Complete(request, accumulator);
    }

    /// <summary>The stateless digest of a backlog export: the engine's evaluations alone, no trend and no change
    /// figures. Without <paramref name="week"/> it has no merged pull requests; with it, the pull requests the exports
    /// show merged in that week (their platform's merge time) count in the headline, and those merged with a
    /// <c>block</c> gap are listed. Closed items are not open work either way. Its Waivers section shows the file's
    /// waivers only (an export has no ledger), judged on the week's last day, else on <paramref name="today"/>.</summary>
    public static WeeklyDigest BuildStateless(
        EnterpriseAnatomy anatomy,
        IEnumerable<ItemEvaluation> evaluations,
        IReadOnlyList<AnatomyDiagnostic>? diagnostics = null,
        string title = "Anatomy digest",
        int attentionLimit = 15,
        IsoWeek? week = null,
        TimeZoneInfo? timeZone = null,
        DateOnly? today = null)
    {
        ArgumentNullException.ThrowIfNull(anatomy);
        ArgumentNullException.ThrowIfNull(evaluations);
        var request = week is { } reported ? new DigestRequest { Anatomy = anatomy, Week = reported, TimeZone = timeZone ?? TimeZoneInfo.Utc } : null;
        var accumulator = new DigestAccumulator(anatomy, request is null ? null : new DigestWindow(request));
        foreach (var evaluation in evaluations)
        {
            // Seen at the last moment of the week: an export has no history, so nothing is older than the week reported.
            accumulator.AddItem(StoredEvaluations.From(evaluation, request?.WeekEnd.AddTicks(-1) ?? default));
        }

        var (attention, moreAttention) = accumulator.Attention(attentionLimit);
        var (escaped, moreEscaped) = accumulator.Escaped(attentionLimit);
        return new WeeklyDigest
        {
            Title = title,
            FromBacklog = true,
            Week = request?.Week,
            PeriodStart = request?.WeekStart,
            PeriodEnd = request?.WeekEnd,
            TimeZoneId = request?.TimeZone.Id ?? "UTC",
            ItemCount = accumulator.Items,
            Headline = accumulator.Headline(),
            ValueStreams = accumulator.ValueStreams(),
            UnplacedWork = accumulator.Unplaced(),
            Strategy = accumulator.Strategy(),
            Attention = attention,
            MoreAttention = moreAttention,
            EscapedPullRequests = escaped,
            MoreEscapedPullRequests = moreEscaped,
            AnatomyDiagnostics = SortDiagnostics(diagnostics ?? []),
            Waivers = week is { } w ? WaiverDigest.For(anatomy.Waivers, null, w.Monday, w.Monday.AddDays(6))
                : today is { } day ? WaiverDigest.For(anatomy.Waivers, null, day, day) : WaiverDigest.None,
        };
    }

    private static WeeklyDigest Complete(DigestRequest request, DigestAccumulator accumulator)
    {
        var (attention, moreAttention) = accumulator.Attention(request.AttentionLimit);
        var (escaped, moreEscaped) = accumulator.Escaped(request.AttentionLimit);
        return new WeeklyDigest
        {
            Title = request.ResolvedTitle,
            Week = request.Week,
            PeriodStart = request.WeekStart,
            PeriodEnd = request.WeekEnd,
            TimeZoneId = request.TimeZone.Id,
            HasHistory = accumulator.HasHistory,
            ItemCount = accumulator.Items,
            Headline = accumulator.Headline(),
            ValueStreams = accumulator.ValueStreams(),
            UnplacedWork = accumulator.Unplaced(),
            Strategy = accumulator.Strategy(),
            Trend = accumulator.Trend(),
            WeekGaps = accumulator.WeekGaps(),
            Attention = attention,
            MoreAttention = moreAttention,
            EscapedPullRequests = escaped,
            MoreEscapedPullRequests = moreEscaped,
            AnatomyDiagnostics = SortDiagnostics(request.Diagnostics),
            Waivers = WaiverDigest.For(request.Anatomy.Waivers, request.CommandWaivers, request.Week.Monday, request.Week.Monday.AddDays(6)),
        };
    }

    /// <summary>The findings the digest shows, whoever built the request: warnings and errors (information findings are
    /// for <c>anatomybot lint</c>), in the order of the file.</summary>
    private static List<AnatomyDiagnostic> SortDiagnostics(IReadOnlyList<AnatomyDiagnostic> diagnostics) =>
    [
        .. diagnostics
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .OrderByDescending(d => d.Severity)
            .ThenBy(d => d.Position.Line)
            .ThenBy(d => d.Position.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.ElementId, StringComparer.Ordinal),
    ];
}
