using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Reconcile;

/// <summary>How the comment and check summary are rendered for one platform/repository.</summary>
public sealed record RenderOptions
{
    /// <summary>GitHub's limit on issue/PR comment bodies.</summary>
    public const int GitHubCommentLimit = 65_536;

    /// <summary>GitHub's limit on a check run's <c>output.summary</c>.</summary>
    public const int GitHubSummaryLimit = 65_535;

    public static RenderOptions Default { get; } = new();

    /// <summary>Where the full report can be read when a body is cut (e.g. the check run's URL); null points to
    /// <c>anatomybot check</c> instead.</summary>
    public string? DetailsUrl { get; init; }

    /// <summary>Base URL that repository-relative component <c>spec</c> paths are resolved against
    /// (e.g. <c>https://github.com/acme/arch/blob/main/</c>); null renders such paths as code.</summary>
    public string? SpecBaseUrl { get; init; }

    /// <summary>The <c>policy.mode</c> in force for the item: only <see cref="PolicyMode.Block"/> words a <c>block</c> gap
    /// as blocking the merge; under <c>report</c> and <c>label</c> it would block the merge, and the check never fails.</summary>
    public PolicyMode Mode { get; init; } = PolicyMode.Block;

    /// <summary>True when <c>block</c> gaps fail the check (<see cref="PolicyMode.Block"/>).</summary>
    internal bool Enforcing => Mode == PolicyMode.Block;

    public int MaxCommentLength { get; init; } = GitHubCommentLimit;

    public int MaxSummaryLength { get; init; } = GitHubSummaryLimit;
}
