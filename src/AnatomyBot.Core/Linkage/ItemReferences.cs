namespace AnatomyBot.Core.Linkage;

/// <summary>Everything an item says about itself: the anatomy ids it names, its parent, and (pull requests) the work
/// items it links to. Ids are as written; the engine resolves them against the anatomy. A value, made once per item.</summary>
internal readonly record struct ItemReferences(
    IReadOnlyList<ElementReference> Elements,
    string? ParentId,
    IReadOnlyList<string> LinkedItemIds,
    IReadOnlyList<string> Diagnostics);
