using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Reconcile;

/// <summary>Where a plan is applied: the item, and for pull requests the head commit (GitHub check runs attach to it)
/// or the iteration (Azure DevOps statuses attach to it).</summary>
public sealed record ReconcileTarget(ItemSource Source, string ItemId, ItemKind Kind, string? Head = null);
