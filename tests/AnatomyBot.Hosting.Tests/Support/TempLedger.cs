using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Links;
using AnatomyBot.Storage.Sqlite;

namespace AnatomyBot.Hosting.Tests.Support;

/// <summary>A real SQLite ledger in a fresh temp folder, deleted on dispose.</summary>
internal sealed class TempLedger : IDisposable
{
    private readonly SqliteLedgerDatabase _database;

    public TempLedger()
    {
        Folder = Directory.CreateTempSubdirectory("anatomybot-hosting-").FullName;
        _database = new SqliteLedgerDatabase(Path.Combine(Folder, "ledger.db"));
        Deliveries = new SqliteDeliveryLedger(_database);
        Evaluations = new SqliteEvaluationLedger(_database);
        Fingerprints = new SqliteDeliveryFingerprintLedger(_database);
        Retention = new SqliteDeliveryRetention(_database);
        Keys = new SqliteDeliveryKeyLedger(_database);
        Links = new SqliteLinkLedger(_database);
    }

    public string Folder { get; }

    public IDeliveryLedger Deliveries { get; }

    public IEvaluationLedger Evaluations { get; }

    public IDeliveryFingerprintLedger Fingerprints { get; }

    public IDeliveryRetention Retention { get; }

    public IDeliveryKeyLedger Keys { get; }

    public ILinkLedger Links { get; }

    public void Dispose()
    {
        _database.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
