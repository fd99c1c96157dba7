using AnatomyBot.Core.Reconcile;
using AnatomyBot.GitHub.Auth;
using AnatomyBot.GitHub.Events;
using AnatomyBot.GitHub.Reconcile;
using Octokit;
using CoreConclusion = AnatomyBot.Core.Reconcile.CheckConclusion;
using OctokitConclusion = Octokit.CheckConclusion;

namespace AnatomyBot.GitHub.Snapshot;

/// <summary>The bot's own footprint on an issue or pull request: its sticky comment (carrying <see cref="Markers.Comment"/>
/// and written by the bot's login, comments paged), and for a head commit the latest completed <c>anatomy</c> check run of
/// the bot's app (<see cref="GitHubBotIdentity"/>). A comment by anyone else carrying the marker, or an <c>anatomy</c>
/// check run of another app, is not the bot's and is left alone.</summary>
internal static class CurrentStateReader
{
    public static async Task<ExistingComment?> FindCommentAsync(IGitHubClient client, IssueId id, GitHubBotIdentity.Self self)
    {
        var comments = await ListCommentsAsync(client, id).ConfigureAwait(false);
        var mine = BotComments(comments, self).FirstOrDefault();
        return mine is null ? null : new ExistingComment(mine.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), mine.Body);
    }

    /// <summary>Every comment of the issue, page by page. Through the API connection rather than
    /// <c>Issue.Comment.GetAllForIssue</c>, which also sends <c>sort</c> and <c>direction</c> (parameters of the
    /// repository-wide comment list, not of this endpoint): only the documented parameters go out.</summary>
    public static Task<IReadOnlyList<IssueComment>> ListCommentsAsync(IGitHubClient client, IssueId id) =>
        new ApiConnection(client.Connection).GetAll<IssueComment>(ApiUrls.IssueComments(id.Repository.Owner, id.Repository.Name, id.Number), ApiOptions.None);

    /// <summary>The bot's comments (its marker, its login), oldest first: one, unless two processes created one at the
    /// same moment.</summary>
    public static IEnumerable<IssueComment> BotComments(IEnumerable<IssueComment> comments, GitHubBotIdentity.Self self) =>
        comments.Where(c => Markers.IsBotComment(c.Body) && self.Is(c.User?.Login))
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id);

    public static async Task<(long Id, CheckState? State)?> FindCheckRunAsync(IGitHubClient client, RepositoryId repository, string headSha, GitHubBotIdentity.Self self)
    {
        if (self.CheckRunAppId is not { } appId)
        {
            return null;
        }

        var request = new CheckRunRequest { CheckName = CheckRunNames.Anatomy, Filter = CheckRunCompletedAtFilter.Latest };
        var runs = await client.Check.Run.GetAllForReference(repository.Owner, repository.Name, headSha, request).ConfigureAwait(false);
        var run = runs.CheckRuns.FirstOrDefault(r => r.Name == CheckRunNames.Anatomy && r.App?.Id == appId);
        if (run is null)
        {
            return null;
        }

        var state = run.Conclusion is { } conclusion && ToCore(conclusion.Value) is { } core
            ? new CheckState(core, run.Output?.Title ?? "", run.Output?.Summary ?? "")
            : null;
        return (run.Id, state);
    }

    private static CoreConclusion? ToCore(OctokitConclusion conclusion) => conclusion switch
    {
        OctokitConclusion.Success => CoreConclusion.Success,
        OctokitConclusion.Neutral => CoreConclusion.Neutral,
        OctokitConclusion.Failure => CoreConclusion.Failure,
        OctokitConclusion.Skipped => CoreConclusion.NotApplicable,
        _ => null,
    };
}
