namespace AnatomyBot.GitHub.Reconcile;

/// <summary>GitHub's size limits; anything longer is cut with a pointer to the rest instead of being rejected (422).</summary>
internal static class GitHubLimits
{
    public const int CommentBody = 65_536;
    public const int CheckSummary = 65_535;
    public const int CheckTitle = 1_000;
    public const int LabelName = 50;

    /// <summary>A commit status description is kept under GitHub's 140 characters.</summary>
    public const int StatusDescription = 139;
    private const string Cut = "\n\n… (cut to fit GitHub's limit; run `anatomybot check` for the full report)";

    /// <summary>One line of at most <paramref name="limit"/> characters, cut with an ellipsis.</summary>
    public static string Line(string text, int limit)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= limit ? line : string.Concat(line.AsSpan(0, limit - 1), "…");
    }

    public static string Fit(string text, int limit) =>
        text.Length <= limit ? text : string.Concat(text.AsSpan(0, limit - Cut.Length), Cut);
}
