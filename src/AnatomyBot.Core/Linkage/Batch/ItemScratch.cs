using AnatomyBot.Core.Linkage.Ranking;
using AnatomyBot.Core.Linkage.Text;

namespace AnatomyBot.Core.Linkage.Batch;

/// <summary>Everything one worker reuses to evaluate items one after another instead of allocating it per item: the
/// draft a work item is read into, the buffers of the text readers, the lists of an item's own elements, the suggestion
/// ranker and the list of an item's gaps. Handed out by a <see cref="ScratchPool"/> and passed down to whatever works
/// on the item; used by one thread at a time. What it holds is valid until its next item.</summary>
internal sealed class ItemScratch(AnatomyIndex index)
{
    /// <summary>A <see cref="WorkItem"/> read as the engine reads every item.</summary>
    public WorkItemDraft Draft { get; } = new();

    public TextScratch Text { get; } = new();

    /// <summary>The elements the item names itself (and the components its changed files lie under).</summary>
    public List<int> Own { get; } = [];

    /// <summary>Room for merging the closures of those elements.</summary>
    public List<int> Closure { get; } = [];

    public SuggestionRanker Ranker { get; } = new(index);

    /// <summary>The item's gaps while they are found.</summary>
    public List<Gap> Gaps { get; } = [];
}
