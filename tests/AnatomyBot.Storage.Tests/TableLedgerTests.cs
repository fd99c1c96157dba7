using AnatomyBot.Core.Audit;
using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Links;
using AnatomyBot.Storage.Tables;
using AnatomyBot.Testing;
using Azure.Data.Tables;
using static AnatomyBot.Storage.Tests.LedgerData;

namespace AnatomyBot.Storage.Tests;

/// <summary>The contract on Azure Table Storage (Azurite). Each test gets its own table prefix so parallel tests and
/// earlier runs never collide; "reopening" creates a second store over the same tables. Skipped locally without
/// Azurite, failed under CI=true.</summary>
public sealed class TableLedgerTests : LedgerContractTests
{
    private readonly string prefix = "t" + Guid.NewGuid().ToString("N")[..16];
    private readonly List<TableLedgerStore> stores = [];
    private string? connectionString;

    protected override (IDeliveryLedger Deliveries, IEvaluationLedger Evaluations) Open()
    {
        connectionString ??= AzuriteEnvironment.RequireConnectionString();
        var store = new TableLedgerStore(connectionString, prefix);
        stores.Add(store);
        return (new TableDeliveryLedger(store), new TableEvaluationLedger(store));
    }

    protected override IDeliveryFingerprintLedger OpenFingerprints()
    {
        connectionString ??= AzuriteEnvironment.RequireConnectionString();
        var store = new TableLedgerStore(connectionString, prefix);
        stores.Add(store);
        return new TableDeliveryFingerprintLedger(store);
    }

    protected override IDeliveryKeyLedger OpenKeys()
    {
        connectionString ??= AzuriteEnvironment.RequireConnectionString();
        var store = new TableLedgerStore(connectionString, prefix);
        stores.Add(store);
        return new TableDeliveryKeyLedger(store);
    }

    protected override IDeliveryRetention OpenRetention()
    {
        connectionString ??= AzuriteEnvironment.RequireConnectionString();
        var store = new TableLedgerStore(connectionString, prefix);
        stores.Add(store);
        return new TableDeliveryRetention(store);
    }

    protected override IAuditLedger OpenAudit()
    {
        connectionString ??= AzuriteEnvironment.RequireConnectionString();
        var store = new TableLedgerStore(connectionString, prefix);
        stores.Add(store);
        return new TableAuditLedger(store);
    }

    protected override ILinkLedger OpenLinks()
    {
        connectionString ??= AzuriteEnvironment.RequireConnectionString();
        var store = new TableLedgerStore(connectionString, prefix);
        stores.Add(store);
        return new TableLinkLedger(store);
    }

    [Fact]
    public async Task Record_StoppedAfterTheEvaluationsCommitted_LosesNoGapEvent()
    {
        var (_, evaluations) = Open();
        var ledger = (TableEvaluationLedger)evaluations;
        var first = Evaluation("o/r#1", T0, GapCodes.NoOutcome, GapCodes.NoComponent);
        var second = Evaluation("o/r#1", T0.AddHours(1), GapCodes.NoComponent);
        var other = Evaluation(ItemSource.AzureDevOps, "42", T0.AddMinutes(5), GapCodes.NoStage);
        ledger.AfterEvaluationsCommitted = () => throw new IOException("the process stopped");

        // The evaluations are stored, but the events table was never written: as after a crash.
        await Assert.ThrowsAsync<IOException>(() => evaluations.RecordAsync([first], CancellationToken.None));
        await Assert.ThrowsAsync<IOException>(() => evaluations.RecordAsync([other], CancellationToken.None));
        Assert.NotNull(await evaluations.GetLatestAsync(ItemSource.GitHub, "o/r#1", CancellationToken.None));

        // A later write of the item appends its predecessor's events first; a listing appends whatever is still pending.
        var (_, reopened) = Open();
        var changed = await reopened.RecordAsync([second], CancellationToken.None);
        var events = await ToListAsync(reopened.ListGapEventsAsync(T0, T0.AddDays(1), CancellationToken.None));
        var again = await ToListAsync(reopened.ListGapEventsAsync(T0, T0.AddDays(1), CancellationToken.None));

        Assert.Equal([.. GapTransitions.Between(null, first), .. GapTransitions.Between(null, other), .. changed], events);
        Assert.Equal(events, again);
        Assert.Equal([(GapCodes.NoOutcome, GapEventKind.Closed)], changed.Select(e => (e.Code, e.Kind)));

        // Once appended, nothing is left pending (so a listing does not append the same events again and again).
        var stillPending = new TableClient(connectionString, prefix + "Evaluations").QueryAsync<TableEntity>("PendingEvents gt ''");
        Assert.Empty(await ToListAsync(stillPending));
    }

    public override async ValueTask DisposeAsync()
    {
        stores.ForEach(s => s.Dispose());
        if (connectionString is null)
        {
            return;
        }

        var service = new TableServiceClient(connectionString);
        foreach (var name in new[] { "Deliveries", "DeliveryStatus", "Evaluations", "GapEvents", "DeliveryFingerprints", "Audit", "Links" })
        {
            await service.DeleteTableAsync(prefix + name);
        }
    }
}
