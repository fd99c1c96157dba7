using AnatomyBot.GitHub.Events;
using Octokit;

namespace AnatomyBot.GitHub.Handling;

/// <summary>Finds the open pull requests that link to an issue through the issue's timeline: GitHub records a
/// <c>cross-referenced</c> event on the issue whenever a pull request (in any repository) mentions it. Chosen over the
/// search API because it is exact, not rate-limited separately, and sees references in other repositories.</summary>
internal static class DependentPullRequests
{
    public static async Task<IReadOnlyList<IssueId>> FindAsync(IGitHubClient client, IssueId issue)
    {
        var timeline = await client.Issue.Timeline.GetAllForIssue(issue.Repository.Owner, issue.Repository.Name, issue.Number, ApiOptions.None)
            .ConfigureAwait(false);
        return
        [
            .. timeline
                .Where(e => e.Event.Value == EventInfoState.Crossreferenced && e.Source?.Issue is { PullRequest: not null } source
                    && source.State.Value == ItemState.Open)
                .Select(e => IssueId.FromHtmlUrl(e.Source.Issue.HtmlUrl))
                .OfType<IssueId>()
                .Distinct(),
        ];
    }
}
