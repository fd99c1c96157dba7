using System.Diagnostics;
using AnatomyBot.Cli.Commands.Check;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;

namespace AnatomyBot.Benchmarks.Check;

/// <summary>Times each phase of check once (read, map, evaluate, report) to see where time goes.</summary>
internal static class CheckProbe
{
    public static void Run(string folder)
    {
        var anatomy = AnatomyParser.Parse(File.ReadAllText(Path.Combine(folder, "anatomy.yml"))).Anatomy!;
        for (var round = 1; round <= 3; round++)
        {
            Console.WriteLine($"round {round}");
            Phases(folder, anatomy);
        }
    }

    private static void Phases(string folder, EnterpriseAnatomy anatomy)
    {
        Cpu();
        Allocated();
        var watch = Stopwatch.StartNew();
        var entries = new List<BacklogEntry>();
        using (var stream = File.OpenRead(Path.Combine(folder, "backlog.json")))
        {
            BacklogReader.Read("b", stream, [], entries);
        }
        Console.WriteLine($"read+map {watch.ElapsedMilliseconds} ms, {Cpu()} ms CPU, {Allocated()} MB allocated");
        watch.Restart();
        var items = entries.Select(e => e.Item!).ToList();
        var engine = new LinkageEngine(anatomy);
        Console.WriteLine($"index {watch.ElapsedMilliseconds} ms, {Cpu()} ms CPU, {Allocated()} MB allocated");
        watch.Restart();
        var evaluations = engine.Evaluate(items);
        Console.WriteLine($"evaluate {watch.ElapsedMilliseconds} ms, {Cpu()} ms CPU, {Allocated()} MB allocated");
        watch.Restart();
        _ = new CheckReport(evaluations.Select(CheckedItem.From), FailOn.Block);
        Console.WriteLine($"report {watch.ElapsedMilliseconds} ms, {Cpu()} ms CPU, {Allocated()} MB allocated");
        watch.Restart();
        foreach (var item in items.Take(20000))
        {
            ReferenceExtractor.Extract(item, anatomy.Policy);
        }

        Console.WriteLine($"extract 20k {watch.ElapsedMilliseconds} ms");
        var index = new AnatomyIndex(anatomy);
        var terms = new List<int>();
        var seen = new HashSet<int>();
        watch.Restart();
        foreach (var item in items)
        {
            terms.Clear();
            seen.Clear();
            index.Vocabulary.Collect(item.Title, skipTags: false, terms, seen);
            index.Vocabulary.Collect(item.Body, item.BodyFormat == BodyFormat.Html, terms, seen);
        }

        Console.WriteLine($"ranking terms, all items, one thread {watch.ElapsedMilliseconds} ms");
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
