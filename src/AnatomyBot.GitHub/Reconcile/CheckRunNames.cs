namespace AnatomyBot.GitHub.Reconcile;

internal static class CheckRunNames
{
    /// <summary>The check run branch protection can require.</summary>
    public const string Anatomy = "anatomy";
}
