using AnatomyBot.Core.Ledger;
using AnatomyBot.Storage.Sqlite;

namespace AnatomyBot.Cli.Tests.Reliability;

/// <summary>The delivery ledger's rows by status, read straight from the SQLite file (WAL: readable while serve writes).</summary>
internal sealed record LedgerCounts(IReadOnlyDictionary<DeliveryStatus, IReadOnlyList<DeliveryRecord>> ByStatus)
{
    public static async Task<LedgerCounts> ReadAsync(string path, CancellationToken cancellationToken)
    {
        using var database = new SqliteLedgerDatabase(path);
        var ledger = new SqliteDeliveryLedger(database);
        var byStatus = new Dictionary<DeliveryStatus, IReadOnlyList<DeliveryRecord>>();
        foreach (var status in Enum.GetValues<DeliveryStatus>())
        {
            byStatus[status] = await ledger.ListAsync(status, 1_000_000, cancellationToken);
        }

        return new LedgerCounts(byStatus);
    }

    /// <summary>Polls the file until every delivery is Processed or Poison (nothing Received or Failed left), or the time is up.</summary>
    public static async Task<LedgerCounts> WaitSettledAsync(string path, int expected, TimeSpan within, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(within);
        while (true)
        {
            var counts = await ReadAsync(path, cancellationToken);
            if (counts.Settled == expected || timeout.IsCancellationRequested)
            {
                return counts;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), CancellationToken.None);
        }
    }

    public int Count(DeliveryStatus status) => ByStatus[status].Count;

    public int Total => ByStatus.Values.Sum(r => r.Count);

    public int Settled => Count(DeliveryStatus.Processed) + Count(DeliveryStatus.Poison);

    public IEnumerable<string> Ids(DeliveryStatus status) => ByStatus[status].Select(r => r.Delivery.Id);

    public override string ToString() => string.Join(", ", ByStatus.Select(s => $"{s.Key} {s.Value.Count}"))
        + string.Concat(ByStatus.Values.SelectMany(r => r).Where(r => r.LastError is not null).Take(3).Select(r => $"\n  {r.Delivery.Id}: {r.LastError}"));
}
