using AnatomyBot.Core.Linkage;

namespace AnatomyBot.Core.Pipeline;

/// <summary>An item the platform no longer has (a deleted issue or work item): the ledger closes its open gaps with it.</summary>
public sealed record GoneItem(ItemSource Source, string Id);
