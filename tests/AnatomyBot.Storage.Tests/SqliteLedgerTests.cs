using AnatomyBot.Core.Audit;
using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Links;
using AnatomyBot.Storage.Sqlite;

namespace AnatomyBot.Storage.Tests;

/// <summary>The contract on a SQLite file in a fresh temp folder; "reopening" opens a second database object on it.</summary>
public sealed class SqliteLedgerTests : LedgerContractTests, IDisposable
{
    private readonly TempFolder folder = new();
    private readonly List<SqliteLedgerDatabase> databases = [];

    protected override (IDeliveryLedger Deliveries, IEvaluationLedger Evaluations) Open()
    {
        var database = new SqliteLedgerDatabase(folder.File("ledger.db"));
        databases.Add(database);
        return (new SqliteDeliveryLedger(database), new SqliteEvaluationLedger(database));
    }

    protected override IDeliveryFingerprintLedger OpenFingerprints()
    {
        var database = new SqliteLedgerDatabase(folder.File("ledger.db"));
        databases.Add(database);
        return new SqliteDeliveryFingerprintLedger(database);
    }

    protected override IDeliveryKeyLedger OpenKeys()
    {
        var database = new SqliteLedgerDatabase(folder.File("ledger.db"));
        databases.Add(database);
        return new SqliteDeliveryKeyLedger(database);
    }

    protected override IDeliveryRetention OpenRetention()
    {
        var database = new SqliteLedgerDatabase(folder.File("ledger.db"));
        databases.Add(database);
        return new SqliteDeliveryRetention(database);
    }

    protected override IAuditLedger OpenAudit()
    {
        var database = new SqliteLedgerDatabase(folder.File("ledger.db"));
        databases.Add(database);
        return new SqliteAuditLedger(database);
    }

    protected override ILinkLedger OpenLinks()
    {
        var database = new SqliteLedgerDatabase(folder.File("ledger.db"));
        databases.Add(database);
        return new SqliteLinkLedger(database);
    }

    public override ValueTask DisposeAsync()
    {
        databases.ForEach(d => d.Dispose());
        return ValueTask.CompletedTask;
    }

    public void Dispose() => folder.Dispose();
}
