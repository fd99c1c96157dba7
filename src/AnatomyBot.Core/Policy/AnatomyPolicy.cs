namespace AnatomyBot.Core.Policy;

/// <summary>The <c>policy</c> section of <c>anatomy.yml</c>: required links per item kind, overrides per scope,
/// exemptions, and Azure DevOps fields that carry references.</summary>
public sealed record AnatomyPolicy
{
    /// <summary>Rules per item kind. Kinds not listed fall back to <see cref="Defaults"/>.</summary>
    public IReadOnlyDictionary<ItemKind, PolicyRule> Rules { get; init; } = Defaults;

    /// <summary>Overrides for a repository or area path; the most specific match wins, kind by kind.</summary>
    public IReadOnlyList<PolicyScope> Scopes { get; init; } = [];

    /// <summary>Items carrying one of these labels or tags are exempt (case-insensitive).</summary>
    public IReadOnlyList<string> ExemptLabels { get; init; } = ["anatomy:exempt"];

    /// <summary>Pull requests by these authors are exempt (case-insensitive; <c>*[bot]</c> style wildcards allowed).</summary>
    public IReadOnlyList<string> ExemptAuthors { get; init; } = ["*[bot]"];

    /// <summary>Azure DevOps field reference names whose values are references of a layer,
    /// e.g. <c>Custom.StrategicOutcome: outcome</c>.</summary>
    public IReadOnlyDictionary<string, Anatomy.Layer> Fields { get; init; } = new Dictionary<string, Anatomy.Layer>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether epics, features, stories and other backlog items get a sticky comment with the fix.</summary>
    public ItemComments ItemComments { get; init; } = ItemComments.OnGaps;

    /// <summary><c>policy.mode</c>: how far the bot acts where no scope says otherwise.</summary>
    public PolicyMode Mode { get; init; } = PolicyMode.Block;

    /// <summary><c>policy.comment</c>: when pull requests get the comment.</summary>
    public CommentMode Comment { get; init; } = CommentMode.Always;

    /// <summary><c>policy.waivers</c>: the longest waiver and who may waive by command.</summary>
    public WaiverPolicy Waivers { get; init; } = WaiverPolicy.Default;

    public static IReadOnlyDictionary<ItemKind, PolicyRule> Defaults { get; } = new Dictionary<ItemKind, PolicyRule>
    {
        [ItemKind.Epic] = new([LinkRequirement.Outcome], GapSeverity.Warn),
        [ItemKind.Feature] = new([LinkRequirement.Outcome, LinkRequirement.Stage], GapSeverity.Warn),
        [ItemKind.Story] = new([LinkRequirement.Outcome, LinkRequirement.Stage, LinkRequirement.Component], GapSeverity.Warn),
        [ItemKind.PullRequest] = new([LinkRequirement.WorkItem, LinkRequirement.Outcome, LinkRequirement.Component], GapSeverity.Block),
        [ItemKind.Other] = new([], GapSeverity.Info),
    };

    public static AnatomyPolicy Default { get; } = new();
}
