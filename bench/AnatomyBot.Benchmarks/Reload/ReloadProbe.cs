using System.Diagnostics;
using System.Globalization;
using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Hosting;
using AnatomyBot.Hosting.Inbox;
using AnatomyBot.Storage;
using AnatomyBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AnatomyBot.Benchmarks.Reload;

/// <summary>The restart after an outage: <c>probe-reload-seed ROWS DB</c> writes a SQLite ledger holding ROWS Received
/// GitHub deliveries (about 1 KB bodies); <c>probe-reload DB</c>, in a process of its own, starts the local inbox on it
/// as <c>serve</c> composes it (the SQLite ledgers, the pipeline, <c>Inbox:Concurrency</c> from <c>PROBE_CONCURRENCY</c>,
/// default 1 as in serve) with a handler that does no platform work, waits until every row is processed (or
/// <c>PROBE_STOP_AFTER</c> rows) and prints the process's peak resident set (VmHWM), its parts every 20,000 rows and the
/// largest managed heap seen. <c>probe-reload DB list</c> instead lists the Received rows with their bodies, all at once, as the
/// reload did before it read keys in pages, and prints the same figures.</summary>
internal static class ReloadProbe
{
    public static async Task SeedAsync(int rows, string path)
    {
        using var database = new SqliteLedgerDatabase(path);
        await database.InitializeAsync(CancellationToken.None);
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO deliveries (platform, id, event_name, body, received_at, attempts, status, updated_at, last_error) VALUES ('github', $id, 'pull_request', $b, $r, 0, 0, $r, NULL);";
        var id = command.Parameters.Add("$id", SqliteType.Text);
        var body = command.Parameters.Add("$b", SqliteType.Text);
        var received = command.Parameters.Add("$r", SqliteType.Integer);
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;
        var filler = new string('x', 800);
        for (var i = 0; i < rows; i++)
        {
            id.Value = Guid.CreateVersion7().ToString();
            body.Value = $$$"""{"action":"edited","number":{{{i}}},"pull_request":{"title":"Pull request {{{i}}}","body":"{{{filler}}}"},"repository":{"full_name":"octo/repo"}}""";
            received.Value = start + (i * TimeSpan.TicksPerMillisecond);
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        Console.WriteLine($"seeded {rows.ToString("N0", CultureInfo.InvariantCulture)} Received rows into {path} ({new FileInfo(path).Length / (1024 * 1024)} MB)");
    }

    public static async Task RunAsync(string path, bool listBodies)
    {
        var clock = Stopwatch.StartNew();
        using var sampler = new HeapSampler();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var concurrency = Environment.GetEnvironmentVariable("PROBE_CONCURRENCY") ?? "1";
        var stopAfter = long.TryParse(Environment.GetEnvironmentVariable("PROBE_STOP_AFTER"), CultureInfo.InvariantCulture, out var stop) ? stop : long.MaxValue;
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Inbox:Concurrency"] = concurrency });
        var handler = new CountingHandler(stopAfter);
        builder.Services.AddSingleton<IDeliveryHandler>(handler);
        builder.Services.AddAnatomyBotSqliteStorage(path);
        builder.Services.AddAnatomyBotPipeline(builder.Configuration);
        builder.Services.AddAnatomyBotLocalInbox(builder.Configuration);
        using var host = builder.Build();
        long count;
        if (listBodies)
        {
            var rows = await host.Services.GetRequiredService<IDeliveryLedger>().ListAsync(DeliveryStatus.Received, 10_000_000, CancellationToken.None);
            count = rows.Count;
            sampler.Sample();
            GC.KeepAlive(rows);
        }
        else
        {
            await host.StartAsync();
            await Task.WhenAny(host.Services.GetRequiredService<LocalInbox>().WaitIdleAsync(CancellationToken.None), handler.Stopped);
            count = handler.Count;
            sampler.Sample();
            Console.WriteLine(Memory());
            await host.StopAsync();
        }

        sampler.Sample();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(listBodies ? "listed with bodies" : "reloaded and processed")} {count:N0} rows in {clock.Elapsed.TotalSeconds:F0} s; peak resident {PeakResidentMb()} MB; largest managed heap {sampler.MaxHeapBytes / (1024 * 1024)} MB"));
    }

    /// <summary>Resident memory now: anonymous (heaps) and file-backed (SQLite's memory map), and the managed heap.</summary>
    private static string Memory()
    {
        var status = File.ReadLines("/proc/self/status").Where(l => l.StartsWith("Rss", StringComparison.Ordinal) || l.StartsWith("Vm", StringComparison.Ordinal))
            .Where(l => l.StartsWith("VmRSS", StringComparison.Ordinal) || l.StartsWith("VmHWM", StringComparison.Ordinal) || l.StartsWith("RssAnon", StringComparison.Ordinal) || l.StartsWith("RssFile", StringComparison.Ordinal))
            .Select(l => string.Join(' ', l.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)));
        var gc = GC.GetGCMemoryInfo();
        return string.Create(CultureInfo.InvariantCulture,
            $"{string.Join("; ", status)}; managed heap {GC.GetTotalMemory(false) / (1024 * 1024)} MB, committed {gc.TotalCommittedBytes / (1024 * 1024)} MB");
    }

    /// <summary>The process's peak resident set size (VmHWM), in MB.</summary>
    private static long PeakResidentMb() =>
        File.ReadLines("/proc/self/status").Where(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024).Single();

    private sealed class CountingHandler(long stopAfter) : IDeliveryHandler
    {
        private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _count;

        public Task Stopped => _stopped.Task;

        public string Platform => Platforms.GitHub;

        public long Count => Interlocked.Read(ref _count);

        public Task<DeliveryResult> HandleAsync(Delivery delivery, CancellationToken cancellationToken)
        {
            var count = Interlocked.Increment(ref _count);
            if (count % 20_000 == 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count:N0} processed: {Memory()}"));
            }

            if (count >= stopAfter)
            {
                _stopped.TrySetResult();
            }

            return Task.FromResult(new DeliveryResult());
        }
    }

    /// <summary>Samples the managed heap size every 20 ms and keeps the largest.</summary>
    private sealed class HeapSampler : IDisposable
    {
        private readonly Timer _timer;
        private long _max;

        public HeapSampler() => _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(20));

        public long MaxHeapBytes => Interlocked.Read(ref _max);

        public void Sample()
        {
            var heap = GC.GetTotalMemory(forceFullCollection: false);
            long seen;
            while (heap > (seen = Interlocked.Read(ref _max)) && Interlocked.CompareExchange(ref _max, heap, seen) != seen)
            {
            }
        }

        public void Dispose() => _timer.Dispose();
    }
}
