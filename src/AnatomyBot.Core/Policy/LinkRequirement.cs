namespace AnatomyBot.Core.Policy;

/// <summary>A link the policy can require. Codes (YAML): work-item, outcome, stage, logic, component.</summary>
public enum LinkRequirement
{
    WorkItem,
    Outcome,
    Stage,
    Logic,
    Component,
}
