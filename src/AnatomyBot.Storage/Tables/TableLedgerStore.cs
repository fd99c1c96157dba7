using Azure.Data.Tables;

namespace AnatomyBot.Storage.Tables;

/// <summary>The ledger's tables in one storage account, created on first use. Names: <c>{prefix}Deliveries</c>,
/// <c>{prefix}DeliveryStatus</c> (status index), <c>{prefix}Evaluations</c>, <c>{prefix}GapEvents</c>, <c>{prefix}DeliveryFingerprints</c>, <c>{prefix}Audit</c>, <c>{prefix}Links</c>.</summary>
public sealed class TableLedgerStore : IDisposable
{
    public const string DefaultPrefix = "anatomybot";

    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile bool created;

    public TableLedgerStore(TableServiceClient service, string prefix = DefaultPrefix)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        if (!char.IsAsciiLetter(prefix[0]) || !prefix.All(char.IsAsciiLetterOrDigit) || prefix.Length > 40)
        {
            throw new ArgumentException("The table prefix must be 1-40 ASCII letters or digits and start with a letter.", nameof(prefix));
        }

        Deliveries = service.GetTableClient(prefix + "Deliveries");
        DeliveryStatus = service.GetTableClient(prefix + "DeliveryStatus");
        Evaluations = service.GetTableClient(prefix + "Evaluations");
        GapEvents = service.GetTableClient(prefix + "GapEvents");
        DeliveryFingerprints = service.GetTableClient(prefix + "DeliveryFingerprints");
        Audit = service.GetTableClient(prefix + "Audit");
        Links = service.GetTableClient(prefix + "Links");
    }

    public TableLedgerStore(string connectionString, string prefix = DefaultPrefix)
        : this(new TableServiceClient(connectionString), prefix)
    {
    }

    internal TableClient Deliveries { get; }

    internal TableClient DeliveryStatus { get; }

    internal TableClient Evaluations { get; }

    internal TableClient GapEvents { get; }

    internal TableClient DeliveryFingerprints { get; }

    internal TableClient Audit { get; }

    internal TableClient Links { get; }

    /// <summary>Creates the tables when missing. Every ledger operation calls it; call it at start-up to fail early.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (created)
        {
            return;
        }

        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!created)
            {
                foreach (var table in new[] { Deliveries, DeliveryStatus, Evaluations, GapEvents, DeliveryFingerprints, Audit, Links })
                {
                    await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
                }

                created = true;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();
}
