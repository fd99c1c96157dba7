using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Linkage.Batch;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Cli.Commands.Check;

/// <summary>The whole result of <c>anatomybot check</c>: items in a stable order (source, then id as people read it)
/// and the counts the summary shows.</summary>
internal sealed class CheckReport
{
    /// <param name="items">The report's items in any order; the report sorts and keeps this array.</param>
    /// <param name="failOn">The severity that fails the check.</param>
    public CheckReport(BacklogItemEvaluation[] items, FailOn failOn)
    {
        ArgumentNullException.ThrowIfNull(items);
        var total = new Tally();

        // One parallel pass: whether each range is in order (each id split into its sort key once), and its counts.
        const int RangeSize = 8192;
        // (An empty backlog has no range: a partitioner of nothing is refused.)
        var ranges = items.Length == 0
            ? Partitioner.Create(Array.Empty<Tuple<int, int>>(), loadBalance: true)
            : Partitioner.Create(0, items.Length, RangeSize);
        Parallel.ForEach(ranges, () => new Tally(), (range, _, tally) =>
        {
            var previous = KeyOf(items[range.Item1]);
            tally.Count(items[range.Item1]);
            for (var i = range.Item1 + 1; i < range.Item2; i++)
            {
                var key = KeyOf(items[i]);
                tally.OutOfOrder |= KeyComparer.Instance.Compare(previous, key) > 0;
                tally.Count(items[i]);
                previous = key;
            }

            return tally;
        }, tally =>
        {
            lock (total)
            {
                total.Add(tally);
            }
        });

        // Backlogs usually come in id order already (API responses, WIQL results); then the ranges' ends tell the rest,
        // and no array of keys is made.
        var ordered = !total.OutOfOrder;
        for (var end = RangeSize; ordered && end < items.Length; end += RangeSize)
        {
            ordered = KeyComparer.Instance.Compare(KeyOf(items[end - 1]), KeyOf(items[end])) <= 0;
        }

        if (!ordered)
        {
            // Sort keys made once, not on every comparison: sorting 100,000 items took most of the report's time.
            var keys = new (string Source, ItemIdComparer.SortKey Id)[items.Length];
            Parallel.For(0, items.Length, i => keys[i] = KeyOf(items[i]));
            Array.Sort(keys, items, KeyComparer.Instance);
        }

        Items = items;
        FailOn = failOn;
        Exempt = total.Exempt;
        WithDiagnostics = total.WithDiagnostics;
        WithGaps = total.WithGaps;
        Waived = total.Waived;
        foreach (var (code, count) in total.Codes)
        {
            GapCounts[code] = count;
        }

        for (var layer = 0; layer < total.Layers.Length; layer++)
        {
            if (total.Layers[layer] > 0)
            {
                LayerCounts[(Layer)layer] = total.Layers[layer];
            }
        }

        for (var severity = 0; severity < total.Severities.Length; severity++)
        {
            if (total.Severities[severity] > 0)
            {
                SeverityCounts[(GapSeverity)severity] = total.Severities[severity];
            }
        }
    }

    public IReadOnlyList<BacklogItemEvaluation> Items { get; }

    public FailOn FailOn { get; }

    public SortedDictionary<string, int> GapCounts { get; } = new(StringComparer.Ordinal);

    public Dictionary<GapSeverity, int> SeverityCounts { get; } = [];

    public Dictionary<Layer, int> LayerCounts { get; } = [];

    public int Exempt { get; }

    public int WithGaps { get; }

    public int WithDiagnostics { get; }

    /// <summary>Gaps a waiver covers: shown, counted by code, but not by severity, so they never fail the check.</summary>
    public int Waived { get; }

    /// <summary>True when a gap reaches <see cref="FailOn"/>: the command exits 1.</summary>
    public bool Failed => FailOn switch
    {
        FailOn.Never => false,
        FailOn.Warn => SeverityCounts.GetValueOrDefault(GapSeverity.Warn) + SeverityCounts.GetValueOrDefault(GapSeverity.Block) > 0,
        _ => SeverityCounts.GetValueOrDefault(GapSeverity.Block) > 0,
    };

    /// <summary>The counts of a range of items (counted in arrays and a hash map, copied to the report's dictionaries
    /// once: a sorted-dictionary update per gap was most of the counting).</summary>
    private sealed class Tally
    {
        public Tally()
        {
            foreach (var code in GapCodes.All)
            {
                Codes[code] = 0;
            }
        }

        public Dictionary<string, int> Codes { get; } = new(StringComparer.Ordinal);

        public int[] Layers { get; } = new int[Enum.GetValues<Layer>().Max(l => (int)l) + 1];

        public int[] Severities { get; } = new int[Enum.GetValues<GapSeverity>().Max(s => (int)s) + 1];

        public int Exempt { get; private set; }

        public int WithDiagnostics { get; private set; }

        public int WithGaps { get; private set; }

        public int Waived { get; private set; }

        public bool OutOfOrder { get; set; }

        public void Count(in BacklogItemEvaluation item)
        {
            Layers[(int)item.Layer]++;
            Exempt += item.ExemptReason is null ? 0 : 1;
            WithDiagnostics += item.Diagnostics.Count > 0 ? 1 : 0;
            var gaps = item.Gaps;
            WithGaps += gaps.Count > 0 ? 1 : 0;
            for (var g = 0; g < gaps.Count; g++)
            {
                var gap = gaps[g];
                if (gap.Waiver is null)
                {
                    Severities[(int)gap.Severity]++;
                }
                else
                {
                    Waived++;
                }

                CollectionsMarshal.GetValueRefOrAddDefault(Codes, gap.Code, out _)++;
            }
        }

        public void Add(Tally other)
        {
            foreach (var (code, count) in other.Codes)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(Codes, code, out _) += count;
            }

            for (var i = 0; i < Layers.Length; i++)
            {
                Layers[i] += other.Layers[i];
            }

            for (var i = 0; i < Severities.Length; i++)
            {
                Severities[i] += other.Severities[i];
            }

            Exempt += other.Exempt;
            WithDiagnostics += other.WithDiagnostics;
            WithGaps += other.WithGaps;
            Waived += other.Waived;
            OutOfOrder |= other.OutOfOrder;
        }
    }

    private static (string Source, ItemIdComparer.SortKey Id) KeyOf(in BacklogItemEvaluation item) =>
        (CheckCodes.Source(item.Source), new ItemIdComparer.SortKey(item.Id));

    private sealed class KeyComparer : IComparer<(string Source, ItemIdComparer.SortKey Id)>
    {
        public static KeyComparer Instance { get; } = new();

        public int Compare((string Source, ItemIdComparer.SortKey Id) x, (string Source, ItemIdComparer.SortKey Id) y)
        {
            var bySource = string.CompareOrdinal(x.Source, y.Source);
            return bySource != 0 ? bySource : x.Id.CompareTo(y.Id);
        }
    }
}
