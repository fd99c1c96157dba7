using AnatomyBot.Core.Ledger;
using AnatomyBot.Storage.Tables;
using AnatomyBot.Testing;
using Azure.Data.Tables;

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

    public override async Task DisposeAsync()
    {
        stores.ForEach(s => s.Dispose());
        if (connectionString is null)
        {
            return;
        }

        var service = new TableServiceClient(connectionString);
        foreach (var name in new[] { "Deliveries", "DeliveryStatus", "Evaluations", "GapEvents" })
        {
            await service.DeleteTableAsync(prefix + name);
        }
    }
}
