using AnatomyBot.Core.Waivers;

namespace AnatomyBot.Core.Policy;

/// <summary><c>policy.waivers</c>: how long a waiver may run and who may grant one by command.</summary>
public sealed record WaiverPolicy
{
    /// <summary>The most days after today a waiver's <c>until</c> may lie.</summary>
    public int MaxDays { get; init; } = WaiverRules.DefaultMaxDays;

    /// <summary>GitHub users (<c>@login</c>) and teams (<c>@org/team</c>), Azure DevOps users and groups, who may
    /// waive by command; empty means repository maintainers and admins (GitHub) or project administrators (Azure DevOps).</summary>
    public IReadOnlyList<string> Approvers { get; init; } = [];

    public static WaiverPolicy Default { get; } = new();
}
