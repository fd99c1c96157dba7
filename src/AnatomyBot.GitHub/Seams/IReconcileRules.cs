using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Reconcile;

namespace AnatomyBot.GitHub.Seams;

/// <summary>The pure reconcile steps from Core: evaluation → desired state, desired vs current → plan.</summary>
public interface IReconcileRules
{
    DesiredState Desire(ItemEvaluation evaluation, EnterpriseAnatomy anatomy);

    ReconcilePlan Plan(DesiredState desired, CurrentState current);
}
