using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Cli.Commands.Check;

/// <summary>The whole result of <c>anatomybot check</c>: items in a stable order (source, then id as people read it)
/// and the counts the summary shows.</summary>
internal sealed class CheckReport
{
    public CheckReport(IEnumerable<CheckedItem> items, FailOn failOn)
    {
        ArgumentNullException.ThrowIfNull(items);
        var sorted = items.ToList();
        sorted.Sort(static (a, b) =>
        {
            var bySource = CheckCodes.Source(a.Source).CompareTo(CheckCodes.Source(b.Source), StringComparison.Ordinal);
            return bySource != 0 ? bySource : ItemIdComparer.Instance.Compare(a.Id, b.Id);
        });
        Items = sorted;
        FailOn = failOn;
        foreach (var code in GapCodes.All)
        {
            GapCounts[code] = 0;
        }

        foreach (var item in sorted)
        {
            LayerCounts[item.Layer] = LayerCounts.GetValueOrDefault(item.Layer) + 1;
            Exempt += item.ExemptReason is null ? 0 : 1;
            WithDiagnostics += item.Diagnostics.Count > 0 ? 1 : 0;
            WithGaps += item.Gaps.Count > 0 ? 1 : 0;
            foreach (var gap in item.Gaps)
            {
                GapCounts[gap.Code] = GapCounts.GetValueOrDefault(gap.Code) + 1;
                SeverityCounts[gap.Severity] = SeverityCounts.GetValueOrDefault(gap.Severity) + 1;
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
}
