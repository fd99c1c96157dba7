namespace AnatomyBot.Core.Digest;

public enum FragmentationKind
{
    /// <summary>Component (P4) work on a stage that defines no logic (P3).</summary>
    ComponentsWithoutLogic,

    /// <summary>Work on a stage that serves no outcome (P1), neither its own nor its value stream's.</summary>
    WorkWithoutOutcome,
}
