using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Cli.Commands.Check;

/// <summary>The whole result of <c>anatomybot check</c>: items in a stable order (source, then id as people read it)
/// and the counts the summary shows.</summary>
internal sealed class CheckReport
{
    /// <param name="items">The report's items in any order; the report sorts and keeps this array.</param>
    /// <param name="failOn">The severity that fails the check.</param>
    public CheckReport(CheckedItem[] items, FailOn failOn)
    {
        ArgumentNullException.ThrowIfNull(items);
        var sorted = items;
        var keys = new (string Source, ItemIdComparer.SortKey Id)[sorted.Length];
        Parallel.ForEach(Partitioner.Create(0, sorted.Length, 8192), range =>
        {
            for (var i = range.Item1; i < range.Item2; i++)
            {
                keys[i] = (CheckCodes.Source(sorted[i].Source), new ItemIdComparer.SortKey(sorted[i].Id));
            }
        });

        // Keys are split once, not on every comparison: sorting 100,000 items took most of the report's time. Backlogs
        // usually come in id order already (API responses, WIQL results), and then one pass tells.
        if (!IsSorted(keys))
        {
            Array.Sort(keys, sorted, KeyComparer.Instance);
        }
        Items = sorted;
        FailOn = failOn;
        // Counted in arrays and a hash map, copied to the report's dictionaries once: a sorted-dictionary update per gap
        // was most of this loop.
        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var code in GapCodes.All)
        {
            codes[code] = 0;
        }

        var layers = new int[Enum.GetValues<Layer>().Max(l => (int)l) + 1];
        var severities = new int[Enum.GetValues<GapSeverity>().Max(s => (int)s) + 1];
        foreach (var item in sorted)
        {
            layers[(int)item.Layer]++;
            Exempt += item.ExemptReason is null ? 0 : 1;
            WithDiagnostics += item.Diagnostics.Count > 0 ? 1 : 0;
            WithGaps += item.Gaps.Count > 0 ? 1 : 0;
            for (var g = 0; g < item.Gaps.Count; g++)
            {
                var gap = item.Gaps[g];
                severities[(int)gap.Severity]++;
                CollectionsMarshal.GetValueRefOrAddDefault(codes, gap.Code, out _)++;
            }
        }

        foreach (var (code, count) in codes)
        {
            GapCounts[code] = count;
        }

        for (var layer = 0; layer < layers.Length; layer++)
        {
            if (layers[layer] > 0)
            {
                LayerCounts[(Layer)layer] = layers[layer];
            }
        }

        for (var severity = 0; severity < severities.Length; severity++)
        {
            if (severities[severity] > 0)
            {
                SeverityCounts[(GapSeverity)severity] = severities[severity];
            }
        }
    }

    public IReadOnlyList<CheckedItem> Items { get; }

    public FailOn FailOn { get; }

    public SortedDictionary<string, int> GapCounts { get; } = new(StringComparer.Ordinal);

    public Dictionary<GapSeverity, int> SeverityCounts { get; } = [];

    public Dictionary<Layer, int> LayerCounts { get; } = [];

    public int Exempt { get; }

    public int WithGaps { get; }

    public int WithDiagnostics { get; }

    /// <summary>True when a gap reaches <see cref="FailOn"/>: the command exits 1.</summary>
    public bool Failed => FailOn switch
    {
        FailOn.Never => false,
        FailOn.Warn => SeverityCounts.GetValueOrDefault(GapSeverity.Warn) + SeverityCounts.GetValueOrDefault(GapSeverity.Block) > 0,
        _ => SeverityCounts.GetValueOrDefault(GapSeverity.Block) > 0,
    };

    private static bool IsSorted((string Source, ItemIdComparer.SortKey Id)[] keys)
    {
        for (var i = 1; i < keys.Length; i++)
        {
            if (KeyComparer.Instance.Compare(keys[i - 1], keys[i]) > 0)
            {
                return false;
            }
        }

        return true;
    }

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
