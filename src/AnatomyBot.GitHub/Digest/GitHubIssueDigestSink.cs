using System.Net.Http.Json;
using AnatomyBot.Core.Digest;
using AnatomyBot.Core.Digest.Rendering;

namespace AnatomyBot.GitHub.Digest;

/// <summary>One GitHub issue per week, labelled (default <c>anatomy-digest</c>) and marked with a hidden
/// <c>&lt;!-- anatomybot:digest week=… --&gt;</c> line: re-running a week updates its issue, and the earlier weeks'
/// open digest issues are closed. The body is cut to GitHub's 65,536 characters with a link to the full digest.</summary>
public sealed class GitHubIssueDigestSink(HttpClient http, GitHubIssueDigestSinkOptions options) : IDigestSink
{
    public const string HttpClientName = "anatomybot-digest-github";

    public string Name => "github-issue";

    public async Task<DigestPublication> PublishAsync(WeeklyDigest digest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(digest);
        if (digest.Week is not { } week)
        {
            throw new InvalidOperationException("The GitHub issue sink publishes weekly digests only.");
        }

        var body = DigestMarkdownRenderer.Render(digest, DigestRenderOptions.GitHubIssue(options.FullDigestUrlFor(week.ToString())));
        var issues = await ListDigestIssuesAsync(cancellationToken).ConfigureAwait(false);
        var current = issues.FirstOrDefault(i => DigestMarkers.FindWeek(i.Body) == week);
        DigestPublication publication;
        if (current is null)
        {
            var created = await SendAsync(HttpMethod.Post, $"repos/{options.Repository}/issues", new DigestIssueWrite(digest.Title, body, Labels: [options.Label]), cancellationToken).ConfigureAwait(false);
            publication = new DigestPublication(Name, DigestPublicationAction.Created, created?.HtmlUrl ?? "");
        }
        else if (current.State == "open" && current.Title == digest.Title && Normalise(current.Body) == Normalise(body))
        {
            publication = new DigestPublication(Name, DigestPublicationAction.Unchanged, current.HtmlUrl ?? "");
        }
        else
        {
            var updated = await SendAsync(HttpMethod.Patch, $"repos/{options.Repository}/issues/{current.Number}", new DigestIssueWrite(digest.Title, body, State: "open"), cancellationToken).ConfigureAwait(false);
            publication = new DigestPublication(Name, DigestPublicationAction.Updated, updated?.HtmlUrl ?? current.HtmlUrl ?? "");
        }

        foreach (var earlier in issues.Where(i => i.State == "open" && DigestMarkers.FindWeek(i.Body) is { } other && other < week))
        {
            await SendAsync(HttpMethod.Patch, $"repos/{options.Repository}/issues/{earlier.Number}", new DigestIssueWrite(State: "closed", StateReason: "completed"), cancellationToken).ConfigureAwait(false);
        }

        return publication;
    }

    private async Task<IReadOnlyList<GitHubDigestIssue>> ListDigestIssuesAsync(CancellationToken cancellationToken)
    {
        var url = $"repos/{options.Repository}/issues?labels={Uri.EscapeDataString(options.Label)}&state=all&sort=created&direction=desc&per_page=100";
        using var response = await http.GetAsync(new Uri(url, UriKind.Relative), cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var issues = await response.Content.ReadFromJsonAsync(GitHubDigestJsonContext.Default.ListGitHubDigestIssue, cancellationToken).ConfigureAwait(false) ?? [];
        return [.. issues.Where(i => i.PullRequest is null or { ValueKind: System.Text.Json.JsonValueKind.Null })];
    }

    private async Task<GitHubDigestIssue?> SendAsync(HttpMethod method, string path, DigestIssueWrite payload, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(payload, GitHubDigestJsonContext.Default.DigestIssueWrite) };
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(GitHubDigestJsonContext.Default.GitHubDigestIssue, cancellationToken).ConfigureAwait(false);
    }

    private static string Normalise(string? text) => (text ?? "").ReplaceLineEndings("\n").TrimEnd();
}
