using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using static AnatomyBot.Storage.Tests.LedgerData;

namespace AnatomyBot.Storage.Tests;

public sealed class SqliteMigrationTests : IDisposable
{
    /// <summary>Schema version 1 exactly as the first release wrote it (frozen here: the migration list must never change it).</summary>
    private const string Version1 = """
        CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at INTEGER NOT NULL);
        CREATE TABLE deliveries (
            platform TEXT NOT NULL, id TEXT NOT NULL, event_name TEXT NOT NULL, body TEXT NOT NULL,
            received_at INTEGER NOT NULL, attempts INTEGER NOT NULL, status INTEGER NOT NULL,
            updated_at INTEGER NOT NULL, last_error TEXT,
            PRIMARY KEY (platform, id));
        CREATE INDEX ix_deliveries_status ON deliveries (status, received_at);
        CREATE TABLE evaluations (
            source INTEGER NOT NULL, item_id TEXT NOT NULL, kind INTEGER NOT NULL, title TEXT NOT NULL, url TEXT,
            layer INTEGER NOT NULL, trace TEXT NOT NULL, gaps TEXT NOT NULL, is_exempt INTEGER NOT NULL,
            is_open INTEGER NOT NULL, first_seen INTEGER NOT NULL, evaluated_at INTEGER NOT NULL,
            PRIMARY KEY (source, item_id)) WITHOUT ROWID;
        CREATE TABLE gap_events (
            seq INTEGER PRIMARY KEY, source INTEGER NOT NULL, item_id TEXT NOT NULL, code TEXT NOT NULL,
            severity INTEGER NOT NULL, kind INTEGER NOT NULL, at INTEGER NOT NULL);
        INSERT INTO schema_version VALUES (1, 'deliveries, latest evaluations and gap events', 0);
        INSERT INTO deliveries VALUES ('github', 'old-delivery', 'issues', '{}', 638998452000000000, 1, 3, 638998452000000000, 'poisoned');
        INSERT INTO evaluations VALUES (1, 'octo/repo#1', 3, 'Old story', NULL, 2, '[["o1"],["s1"],[],[]]', '{"no-logic":1}', 0, 1, 638998452000000000, 638998452000000000);
        INSERT INTO gap_events (source, item_id, code, severity, kind, at) VALUES (1, 'octo/repo#1', 'no-logic', 1, 0, 638998452000000000);
        """;

    private readonly TempFolder folder = new();

    [Fact]
    public async Task Open_Version1Database_MigratesToLatestAndKeepsTheLedger()
    {
        var path = folder.File("v1.db");
        Execute(path, Version1);
        using var database = new SqliteLedgerDatabase(path);
        var deliveries = new SqliteDeliveryLedger(database);
        var evaluations = new SqliteEvaluationLedger(database);
        Assert.Equal(1, await database.GetSchemaVersionAsync(CancellationToken.None));

        var poison = Assert.Single(await deliveries.ListAsync(DeliveryStatus.Poison, 10, CancellationToken.None));
        var old = await evaluations.GetLatestAsync(ItemSource.GitHub, "octo/repo#1", CancellationToken.None);

        Assert.Equal(SqliteMigrations.Latest, await database.GetSchemaVersionAsync(CancellationToken.None));
        Assert.Equal(("old-delivery", "poisoned", 1), (poison.Delivery.Id, poison.LastError, poison.Delivery.Attempts));
        Assert.Equal(("Old story", (string?)null, (DateTimeOffset?)null), (old!.Title, old.Scope, old.MergedAt));
        Assert.Equal(["no-logic"], old.Gaps.Keys);
        Assert.Equal(["o1"], old.Trace.Outcomes);
        var closing = await evaluations.RecordAsync([Evaluation("octo/repo#1", T0) with { Scope = "octo/repo", MergedAt = T0 }], CancellationToken.None);
        Assert.Equal(GapEventKind.Closed, Assert.Single(closing).Kind);
        Assert.Equal(2, (await ToListAsync(evaluations.ListGapEventsAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, CancellationToken.None))).Count);
        Assert.Equal("octo/repo", (await evaluations.GetLatestAsync(ItemSource.GitHub, "octo/repo#1", CancellationToken.None))!.Scope);
    }

    [Fact]
    public async Task Open_NewFile_CreatesTheLatestSchemaInWalMode()
    {
        using var database = new SqliteLedgerDatabase(folder.File("nested/dir/new.db"));

        await database.InitializeAsync(CancellationToken.None);

        Assert.Equal(SqliteMigrations.Latest, await database.GetSchemaVersionAsync(CancellationToken.None));
        Assert.Equal("wal", Scalar(database.Path, "PRAGMA journal_mode;"));
        Assert.Equal(SqliteMigrations.All.Count, Convert.ToInt32(Scalar(database.Path, "SELECT count(*) FROM schema_version;"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Open_DatabaseFromANewerRelease_IsRefusedAndLeftUntouched()
    {
        var path = folder.File("future.db");
        Execute(path, Version1 + "INSERT INTO schema_version VALUES (99, 'from the future', 0);");
        using var database = new SqliteLedgerDatabase(path);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new SqliteDeliveryLedger(database).GetAsync(Platforms.GitHub, "x", CancellationToken.None));

        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
        Assert.Equal(99, await database.GetSchemaVersionAsync(CancellationToken.None));
    }

    [Fact]
    public void Migrations_AreNumberedOneUpwardsWithoutGaps()
    {
        Assert.Equal(Enumerable.Range(1, SqliteMigrations.All.Count), SqliteMigrations.All.Select(m => m.Version));
    }

    public void Dispose() => folder.Dispose();

    private static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
