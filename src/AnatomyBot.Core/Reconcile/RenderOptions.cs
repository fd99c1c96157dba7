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

    public int MaxCommentLength { get; init; } = GitHubCommentLimit;

    public int MaxSummaryLength { get; init; } = GitHubSummaryLimit;
}
