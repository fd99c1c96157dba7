using AnatomyBot.Core.Linkage;

namespace AnatomyBot.Core.Reconcile;

/// <summary>Applies a plan on a platform. Each platform has one that calls its API; <c>--dry-run</c> swaps in one that
/// writes an outbox instead.</summary>
public interface IReconcileApplier
{
    ItemSource Source { get; }

    Task ApplyAsync(ReconcileTarget target, ReconcilePlan plan, CancellationToken cancellationToken);
}
