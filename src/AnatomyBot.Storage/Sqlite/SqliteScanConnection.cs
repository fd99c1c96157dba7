using System.Globalization;
using Microsoft.Data.Sqlite;

namespace AnatomyBot.Storage.Sqlite;

/// <summary>A pooled connection set up for one long read (the digest streams a million gap events and every latest
/// evaluation): a 64 MB page cache and the file memory-mapped up to 256 MB while the read runs, so it skips a
/// <c>read()</c> call per page; both are set back before the connection returns to the pool, so the connections that
/// store and reload deliveries never map the file (mapped pages count in the process's resident memory).</summary>
internal sealed class SqliteScanConnection : IAsyncDisposable
{
    private const string Enter = "PRAGMA cache_size=-65536; PRAGMA mmap_size=268435456;";

    private static readonly string Leave = string.Create(
        CultureInfo.InvariantCulture, $"PRAGMA cache_size=-{SqliteLedgerDatabase.CacheKib}; PRAGMA mmap_size=0;");

    private SqliteScanConnection(SqliteConnection connection) => Connection = connection;

    public SqliteConnection Connection { get; }

    public static async Task<SqliteScanConnection> OpenAsync(SqliteLedgerDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await RunAsync(connection, Enter).ConfigureAwait(false);
            return new SqliteScanConnection(connection);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunAsync(Connection, Leave).ConfigureAwait(false);
        }
        catch (SqliteException)
        {
            // A connection that could not be set back must not serve deliveries from the pool with the map on.
            SqliteConnection.ClearPool(Connection);
        }
        finally
        {
            await Connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task RunAsync(SqliteConnection connection, string pragmas)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        await command.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
    }
}
