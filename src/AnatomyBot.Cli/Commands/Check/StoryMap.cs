using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage.Batch;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Cli.Commands.Check;

/// <summary>Where each item of a report goes in the story map, each exactly once: an item that could not be read, an
/// exempt item, a pull request, an item under the first of its stages in the anatomy's order, or an item on no stage
/// (healthy when it has no gap).</summary>
internal sealed class StoryMap
{
    private readonly Dictionary<string, int> _stageOrder;

    private StoryMap(Dictionary<string, int> stageOrder) => _stageOrder = stageOrder;

    public Dictionary<string, List<BacklogItemEvaluation>> ByStage { get; } = new(StringComparer.OrdinalIgnoreCase);

    public int OnStages { get; private set; }

    public List<BacklogItemEvaluation> Healthy { get; } = [];

    public List<BacklogItemEvaluation> NeedsLinks { get; } = [];

    public List<BacklogItemEvaluation> PullRequests { get; } = [];

    public List<BacklogItemEvaluation> Exempt { get; } = [];

    public List<BacklogItemEvaluation> Unreadable { get; } = [];

    public static StoryMap Of(CheckReport report, EnterpriseAnatomy anatomy)
    {
        var order = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var stage in anatomy.ValueStreams.SelectMany(v => v.Stages.OrderBy(s => s.Order)))
        {
            order.TryAdd(stage.Id, order.Count);
        }

        var map = new StoryMap(order);
        foreach (var item in report.Items)
        {
            map.Place(item);
        }

        return map;
    }

    /// <summary>The item's other stages, after the one it is listed under.</summary>
    public IReadOnlyList<string> AlsoOn(in BacklogItemEvaluation item) =>
        item.Trace.Stages.Count < 2 ? [] : [.. Placed(item).Skip(1)];

    private void Place(in BacklogItemEvaluation item)
    {
        if (item.IsUnreadable)
        {
            Unreadable.Add(item);
        }
        else if (item.ExemptReason is not null)
        {
            Exempt.Add(item);
        }
        else if (item.Kind == ItemKind.PullRequest)
        {
            PullRequests.Add(item);
        }
        else if (Placed(item).FirstOrDefault() is { } stage)
        {
            (ByStage.TryGetValue(stage, out var list) ? list : ByStage[stage] = []).Add(item);
            OnStages++;
        }
        else
        {
            (item.Gaps.Count == 0 ? Healthy : NeedsLinks).Add(item);
        }
    }

    /// <summary>The item's stages that some value stream draws, in the anatomy's order.</summary>
    private IEnumerable<string> Placed(BacklogItemEvaluation item) =>
        item.Trace.Stages.Where(_stageOrder.ContainsKey).OrderBy(s => _stageOrder[s]);
}
