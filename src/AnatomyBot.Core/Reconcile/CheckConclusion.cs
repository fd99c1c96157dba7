namespace AnatomyBot.Core.Reconcile;

/// <summary>The merge-check verdict. GitHub check run: success / neutral / failure.
/// Azure DevOps PR status: succeeded / succeeded (warnings) / failed; <see cref="NotApplicable"/> when exempt.</summary>
public enum CheckConclusion
{
    Success,
    Neutral,
    Failure,
    NotApplicable,
}
