using System.Diagnostics;
using System.Text.Json;
using AnatomyBot.AzureDevOps.Mapping;
using AnatomyBot.Cli.Commands.Check;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Linkage.Batch;

namespace AnatomyBot.Benchmarks.Check;

/// <summary>Times each phase of check once (read, map, evaluate, report) to see where time goes.</summary>
internal static class CheckProbe
{
    public static void Run(string folder, int rounds)
    {
        var anatomy = AnatomyParser.Parse(File.ReadAllText(Path.Combine(folder, "anatomy.yml"))).Anatomy!;
        if (Environment.GetEnvironmentVariable("PROBE_BATCH") is not null)
        {
            System.Runtime.GCSettings.LatencyMode = System.Runtime.GCLatencyMode.Batch;
        }

        var gcEvents = Environment.GetEnvironmentVariable("PROBE_GC_EVENTS") is not null ? new GcEventProbe()
            : Environment.GetEnvironmentVariable("PROBE_ALLOC") is not null ? new GcEventProbe(allocations: true)
            : null;
        for (var round = 1; round <= rounds; round++)
        {
            Console.WriteLine($"round {round}");
            if (Environment.GetEnvironmentVariable("PROBE_PIPELINE") is not null)
            {
                Pipeline(folder, anatomy);
                continue;
            }

            Phases(folder, anatomy);
        }

        gcEvents?.Dispose();
        if (rounds == 0 || Environment.GetEnvironmentVariable("PROBE_NO_BARE") is not null)
        {
            return;
        }

        // Last: JsonDocument returns its (large) buffers to the shared pool, which would stay live in later rounds.
        // Five rounds: the first pays for growing the pooled buffers; the others are what the benchmark measures.
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 5; i++)
        {
            GC.Collect();
            Cpu();
            watch.Restart();
            using (var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "backlog.json"))))
            {
                Console.WriteLine($"bare parse {watch.ElapsedMilliseconds} ms, {Cpu()} ms CPU");
            }
        }

        var bytes = File.ReadAllBytes(Path.Combine(folder, "backlog.json"));
        for (var i = 0; i < 3; i++)
        {
            watch.Restart();
            var reader = new Utf8JsonReader(bytes);
            reader.Read();
            reader.Read();
            reader.Read();
            reader.Read();
            reader.Read();
            var items = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                reader.Skip();
                items++;
            }

            Console.WriteLine($"cutting {items} items with Skip: {watch.ElapsedMilliseconds} ms");
        }
    }

    /// <summary>As the benchmark runs it: a full collection, then the whole pipeline, with its collections per generation.</summary>
    private static void Pipeline(string folder, EnterpriseAnatomy anatomy)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var counts = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes(true));
        Cpu();
        var faults = MinorFaults();
        var watch = Stopwatch.StartNew();
        var noGc = Environment.GetEnvironmentVariable("PROBE_NOGC") is { } size && GC.TryStartNoGCRegion(long.Parse(size, System.Globalization.CultureInfo.InvariantCulture) << 20);
        var started = watch.ElapsedMilliseconds;
        CheckReport report;
        using (var stream = File.OpenRead(Path.Combine(folder, "backlog.json")))
        {
            report = CheckPipeline.Run(anatomy, [("backlog.json", stream)], FailOn.Block);
        }

        if (noGc)
        {
            Console.WriteLine($"no-GC region started in {started} ms, still on: {System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.NoGCRegion}");
            if (System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.NoGCRegion)
            {
                GC.EndNoGCRegion();
            }
        }

        Console.WriteLine($"pipeline {watch.ElapsedMilliseconds} ms, {Cpu()} ms CPU, {(GC.GetTotalAllocatedBytes(true) - counts.Item5) >> 20} MB allocated, GCs gen0 {GC.CollectionCount(0) - counts.Item1} gen1 {GC.CollectionCount(1) - counts.Item2} gen2 {GC.CollectionCount(2) - counts.Item3}, paused {(GC.GetTotalPauseDuration() - counts.Item4).TotalMilliseconds:F0} ms");
        Console.WriteLine($"minor page faults {MinorFaults() - faults}");
        watch.Restart();
        JsonReportWriter.Write(report, Stream.Null);
        Console.WriteLine($"write json {watch.ElapsedMilliseconds} ms, {Cpu()} ms CPU");
        var ephemeral = GC.GetGCMemoryInfo(GCKind.Ephemeral);
        Console.WriteLine($"last ephemeral GC #{ephemeral.Index}: gen0 before {ephemeral.GenerationInfo[0].SizeBeforeBytes >> 20} MB, after {ephemeral.GenerationInfo[0].SizeAfterBytes >> 20} MB, gen1 before {ephemeral.GenerationInfo[1].SizeBeforeBytes >> 20} MB after {ephemeral.GenerationInfo[1].SizeAfterBytes >> 20} MB, promoted {ephemeral.PromotedBytes >> 20} MB, pause {ephemeral.PauseDurations[0].TotalMilliseconds:F0} ms");
    }

    private static long MinorFaults()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[7], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Phases(string folder, EnterpriseAnatomy anatomy)
    {
        Cpu();
        Allocated();
        Gc();
        var total = Stopwatch.StartNew();
        var watch = Stopwatch.StartNew();
        var engine = new LinkageEngine(anatomy);
        Console.WriteLine($"index {watch.ElapsedMilliseconds} ms, {Cpu()} ms CPU, {Allocated()} MB allocated, {Gc()}");
        watch.Restart();
        var batch = new BacklogBatch(engine);
        using (var stream = File.OpenRead(Path.Combine(folder, "backlog.json")))
        {
            BacklogReader.Read("b", stream, new CheckSink(PendingBatch.Of(batch), "b", new AzureDevOpsReaders([])));
        }

        Console.WriteLine($"read+map+prepare {watch.ElapsedMilliseconds} ms, {Cpu()} ms CPU, {Allocated()} MB allocated, {Gc()}");
        Console.WriteLine($"live after read: {GC.GetTotalMemory(forceFullCollection: true) / (1024 * 1024)} MB");
        var info = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        Console.WriteLine($"heap {info.HeapSizeBytes >> 20} MB, fragmented {info.FragmentedBytes >> 20} MB, promoted {info.PromotedBytes >> 20} MB, gen2 after {info.GenerationInfo[2].SizeAfterBytes >> 20} MB, loh {info.GenerationInfo[3].SizeAfterBytes >> 20} MB");
        Cpu();
        Allocated();
        Gc();
        watch.Restart();
        var evaluations = batch.Complete();
        Console.WriteLine($"evaluate {watch.ElapsedMilliseconds} ms, {Cpu()} ms CPU, {Allocated()} MB allocated, {Gc()}");
        watch.Restart();
        _ = new CheckReport(evaluations, FailOn.Block);
        Console.WriteLine($"report {watch.ElapsedMilliseconds} ms, {Cpu()} ms CPU, {Allocated()} MB allocated, {Gc()}");
        Console.WriteLine($"total {total.ElapsedMilliseconds} ms");
    }

    /// <summary>Per-item allocation and time of mapping and preparing, on one thread, for the first 20,000 items.</summary>
    public static void Steps(string folder)
    {
        var anatomy = AnatomyParser.Parse(File.ReadAllText(Path.Combine(folder, "anatomy.yml"))).Anatomy!;
        var engine = new LinkageEngine(anatomy);
        var bytes = File.ReadAllBytes(Path.Combine(folder, "backlog.json"));
        var ranges = new List<(int Start, int Length)>();
        var reader = new Utf8JsonReader(bytes);
        while (reader.Read() && reader.TokenType != JsonTokenType.StartArray)
        {
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject && ranges.Count < 20_000)
        {
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            ranges.Add((start, (int)reader.BytesConsumed - start));
        }

        var itemReader = new AzureDevOpsItemReader([]);
        var scratch = engine.Scratch.Rent();
        for (var round = 0; round < 3; round++)
        {
            long mapBytes = 0, prepareBytes = 0;
            var mapTime = TimeSpan.Zero;
            var prepareTime = TimeSpan.Zero;
            foreach (var (start, length) in ranges)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                var t0 = Stopwatch.GetTimestamp();
                itemReader.TryRead(bytes.AsSpan(start, length), out _);
                var t1 = Stopwatch.GetTimestamp();
                var middle = GC.GetAllocatedBytesForCurrentThread();
                _ = engine.Prepare(itemReader.Draft, itemReader.Body, scratch);
                var t2 = Stopwatch.GetTimestamp();
                prepareBytes += GC.GetAllocatedBytesForCurrentThread() - middle;
                mapBytes += middle - before;
                mapTime += Stopwatch.GetElapsedTime(t0, t1);
                prepareTime += Stopwatch.GetElapsedTime(t1, t2);
            }

            Console.WriteLine($"per item: map {mapBytes / ranges.Count} B, {mapTime.TotalMicroseconds / ranges.Count:F2} µs; prepare {prepareBytes / ranges.Count} B, {prepareTime.TotalMicroseconds / ranges.Count:F2} µs");
            var items = ranges.Select(r => AzureDevOpsWorkItemMapper.Map(bytes.AsSpan(r.Start, r.Length)).Item!).ToList();
            var watch = Stopwatch.StartNew();
            foreach (var item in items)
            {
                ReferenceExtractor.Extract(scratch.Draft.From(item), item.Body, anatomy.Policy, scratch.Text);
            }

            var extract = watch.Elapsed.TotalMicroseconds / items.Count;
            var terms = 0;
            watch.Restart();
            foreach (var item in items)
            {
                terms = scratch.Ranker.TermsOf(item.Title, item.Body, item.BodyFormat).Length;
            }

            Console.WriteLine($"  extract {extract:F2} µs, terms {watch.Elapsed.TotalMicroseconds / items.Count:F2} µs, body {items.Average(i => i.Body.Length):F0} chars, terms {terms}");
        }
    }

    private static TimeSpan s_lastPause;
    private static int s_lastGen0;
    private static int s_lastGen2;

    /// <summary>GC pause time and collections since the previous call.</summary>
    private static string Gc()
    {
        var pause = GC.GetTotalPauseDuration();
        int gen0 = GC.CollectionCount(0), gen2 = GC.CollectionCount(2);
        var text = $"GC paused {(pause - s_lastPause).TotalMilliseconds:F0} ms in {gen0 - s_lastGen0} collections ({gen2 - s_lastGen2} gen2)";
        (s_lastPause, s_lastGen0, s_lastGen2) = (pause, gen0, gen2);
        return text;
    }

    private static TimeSpan s_lastCpu;
    private static long s_lastAllocated;

    /// <summary>Managed bytes allocated since the previous call, in MB (all threads).</summary>
    private static long Allocated()
    {
        var now = GC.GetTotalAllocatedBytes(precise: true);
        var spent = now - s_lastAllocated;
        s_lastAllocated = now;
        return spent / (1024 * 1024);
    }

    /// <summary>Process CPU time since the previous call, in milliseconds (both cores counted).</summary>
    private static long Cpu()
    {
        var now = Process.GetCurrentProcess().TotalProcessorTime;
        var spent = now - s_lastCpu;
        s_lastCpu = now;
        return (long)spent.TotalMilliseconds;
    }
}
