using AnatomyBot.Core.Linkage;

namespace AnatomyBot.Core.Reconcile;

/// <summary>Reconciles a target on one platform: plans the difference between the desired and the current state and applies
/// it through the platform's <see cref="IReconcileApplier"/>, writing nothing when the plan is empty. The applier is the
/// last one registered for the platform, so a dry run's outbox, registered after the channel, takes its place.</summary>
public sealed class DifferenceApplier(IEnumerable<IReconcileApplier> appliers, ItemSource platform)
{
    private readonly IReconcileApplier _applier = appliers.LastOrDefault(a => a.Source == platform)
        ?? throw new InvalidOperationException($"No IReconcileApplier for {platform} is registered.");

    /// <summary>The plan that was applied (empty when nothing differed).</summary>
    public async Task<ReconcilePlan> ApplyAsync(ReconcileTarget target, DesiredState desired, CurrentState current, CancellationToken cancellationToken)
    {
        var plan = ReconcilePlanner.Plan(desired, current);
        if (!plan.IsEmpty)
        {
            await _applier.ApplyAsync(target, plan, cancellationToken).ConfigureAwait(false);
        }

        return plan;
    }
}
