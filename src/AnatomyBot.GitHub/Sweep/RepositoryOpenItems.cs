using AnatomyBot.GitHub.Events;
using Octokit;

namespace AnatomyBot.GitHub.Sweep;

/// <summary>Lists a repository's open issues and pull requests in one paginated listing (<c>GET
/// /repos/{owner}/{repo}/issues?state=open</c> returns both; pull requests carry <c>pull_request</c>), 100 per page,
/// following GitHub's <c>Link: rel="next"</c> pages.</summary>
public static class RepositoryOpenItems
{
    public const int PageSize = 100;

    public static async Task<IReadOnlyList<(IssueId Item, bool IsPullRequest)>> ListAsync(IGitHubClient client, RepositoryId repository)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(repository);
        // Through the raw API connection rather than Issue.GetAllForRepository, which also sends filter=assigned (a
        // parameter of the user's issue list, not of this endpoint): only the documented parameters go out.
        var open = await new ApiConnection(client.Connection).GetAll<Issue>(
                new Uri($"{repository.ApiPath}/issues", UriKind.Relative),
                new Dictionary<string, string> { ["state"] = "open" },
                new ApiOptions { PageSize = PageSize })
            .ConfigureAwait(false);
        return [.. open.Select(i => (new IssueId(repository, i.Number), i.PullRequest is not null))];
    }
}
