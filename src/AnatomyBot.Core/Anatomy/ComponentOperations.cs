namespace AnatomyBot.Core.Anatomy;

/// <summary>The run-state view of a component: where its runbook, dashboard and alerts live.</summary>
public sealed record ComponentOperations
{
    public string? Runbook { get; init; }

    public string? Dashboard { get; init; }

    public IReadOnlyList<string> Alerts { get; init; } = [];

    public bool IsEmpty => Runbook is null && Dashboard is null && Alerts.Count == 0;
}
