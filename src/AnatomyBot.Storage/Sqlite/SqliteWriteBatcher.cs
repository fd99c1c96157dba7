using Microsoft.Data.Sqlite;

namespace AnatomyBot.Storage.Sqlite;

/// <summary>Group commit for single-statement writes (a delivery stored before its 202, a status change): statements that
/// arrive while a batch is being written wait and are then written together, in one transaction on the writer connection.
/// Each caller's task completes only after the commit that holds its statement, so "stored before acknowledged" holds;
/// under load one commit (and one pass through the write gate) serves many requests instead of one each.</summary>
internal sealed class SqliteWriteBatcher(SqliteLedgerDatabase database)
{
    private readonly Lock gate = new();
    private List<IPendingWrite> pending = [];
    private bool flushing;

    private interface IPendingWrite
    {
        void Execute(SqliteCommand command);

        void Complete();

        void Fail(Exception exception);
    }

    /// <summary>Runs <paramref name="statement"/> (it sets the command's text and parameters and executes it; the command is
    /// shared by the batch, so it must not be kept or disposed) in the next batch. Cancelling stops the wait, not the
    /// write.</summary>
    public Task<T> WriteAsync<T>(Func<SqliteCommand, T> statement, CancellationToken cancellationToken)
    {
        var write = new PendingWrite<T>(statement);
        bool lead;
        lock (gate)
        {
            pending.Add(write);
            lead = !flushing;
            flushing = true;
        }

        if (lead)
        {
            _ = Task.Run(FlushAsync, CancellationToken.None);
        }

        return write.Task.WaitAsync(cancellationToken);
    }

    private async Task FlushAsync()
    {
        while (true)
        {
            List<IPendingWrite> writes;
            lock (gate)
            {
                if (pending.Count == 0)
                {
                    flushing = false;
                    return;
                }

                writes = pending;
                pending = [];
            }

            try
            {
                await database.WriteAsync(connection => Task.FromResult(Write(connection, writes)), writes.Count, CancellationToken.None).ConfigureAwait(false);

                // Only now, with the write gate released and any checkpoint the batch made due started, do the callers go
                // on (a write that failed alone keeps its error): a caller that looks at the database after its write
                // finds the database's own bookkeeping of that write done.
                writes.ForEach(w => w.Complete());
            }
            catch (Exception exception) when (exception is SqliteException or InvalidOperationException or IOException)
            {
                // The ledger could not be written (disk, lock, schema): every caller of this batch gets the error (serve
                // answers 500 and the platform delivers again); nothing is swallowed.
                writes.ForEach(w => w.Fail(exception));
            }
        }
    }

    private static int Write(SqliteConnection connection, List<IPendingWrite> writes)
    {
        try
        {
            Commit(connection, writes);
        }
        catch (Exception exception) when (writes.Count > 1 && exception is SqliteException or InvalidOperationException)
        {
            // One statement failed (a constraint, a value that cannot be bound) and rolled the whole batch back: write
            // them one by one so only that one fails.
            var failures = 0;
            foreach (var write in writes)
            {
                try
                {
                    Commit(connection, [write]);
                }
                catch (Exception single) when (single is SqliteException or InvalidOperationException)
                {
                    write.Fail(single);
                    failures++;
                }
            }

            if (failures == writes.Count)
            {
                throw;
            }
        }

        return writes.Count;
    }

    private static void Commit(SqliteConnection connection, List<IPendingWrite> writes)
    {
        using (var transaction = connection.BeginTransaction())
        using (var command = connection.CreateCommand())
        {
            // One command for the batch: statements of the same text reuse its prepared statement.
            command.Transaction = transaction;
            foreach (var write in writes)
            {
                command.Parameters.Clear();
                write.Execute(command);
            }

            transaction.Commit();
        }
    }

    private sealed class PendingWrite<T>(Func<SqliteCommand, T> statement) : IPendingWrite
    {
        private readonly TaskCompletionSource<T> done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? result;

        public Task<T> Task => done.Task;

        public void Execute(SqliteCommand command) => result = statement(command);

        public void Complete() => done.TrySetResult(result!);

        public void Fail(Exception exception) => done.TrySetException(exception);
    }
}
