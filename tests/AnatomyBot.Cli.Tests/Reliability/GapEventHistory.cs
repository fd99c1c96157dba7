using AnatomyBot.Core.Ledger;
using AnatomyBot.Storage.Sqlite;

namespace AnatomyBot.Cli.Tests.Reliability;

/// <summary>The evaluation ledger's gap events, checked for what double processing would leave behind: a gap opened
/// twice, or closed twice, in a row on the same item.</summary>
internal static class GapEventHistory
{
    /// <summary>All gap events in the file; problems lists every (item, gap code) whose events do not alternate
    /// opened, closed, opened… starting with opened (closed by a fix or with the item alike).</summary>
    public static async Task<(int Events, IReadOnlyList<string> Problems)> CheckAsync(string path, CancellationToken cancellationToken)
    {
        using var database = new SqliteLedgerDatabase(path);
        var events = new List<GapEvent>();
        await foreach (var gapEvent in new SqliteEvaluationLedger(database).ListGapEventsAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, cancellationToken))
        {
            events.Add(gapEvent);
        }

        var problems = events
            .GroupBy(e => (e.ItemId, e.Code))
            .Where(g => g.Select((e, i) => (e.Kind == GapEventKind.Opened) == (i % 2 == 0)).Contains(false))
            .Select(g => $"{g.Key.ItemId} {g.Key.Code}: {string.Join(" ", g.Select(e => e.Kind))}")
            .ToList();
        return (events.Count, problems);
    }
}
