using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Links;

/// <summary>An open item whose links the ledger keeps: where it lives, its id and its kind (a pull request is re-checked
/// differently from an issue or work item).</summary>
public sealed record LinkingItem(ItemSource Source, string Id, ItemKind Kind)
{
    public override string ToString() => $"{Source}:{Id}";
}
