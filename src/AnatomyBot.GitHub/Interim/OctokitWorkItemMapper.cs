using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;
using AnatomyBot.GitHub.Events;
using Octokit;

namespace AnatomyBot.GitHub.Interim;

/// <summary>INTERIM until the engine helper's <c>src/AnatomyBot.GitHub/Mapping/</c> lands: Octokit REST models → Core
/// <see cref="WorkItem"/>. Issue kind from an <c>epic</c>/<c>feature</c>/<c>story</c> label (also <c>type:…</c>).</summary>
internal static class OctokitWorkItemMapper
{
    public static WorkItem FromPullRequest(IssueId id, PullRequest pr, IReadOnlyList<string> changedPaths) => new()
    {
        Id = id.ToString(),
        Source = ItemSource.GitHub,
        Kind = ItemKind.PullRequest,
        Title = pr.Title ?? "",
        Body = pr.Body ?? "",
        Labels = [.. pr.Labels.Select(l => l.Name)],
        ChangedPaths = changedPaths,
        Author = pr.User?.Login,
        Scope = id.Repository.ToString(),
        Url = pr.HtmlUrl,
        State = pr.State.StringValue,
        IsOpen = pr.State.Value == ItemState.Open,
    };

    public static WorkItem FromIssue(IssueId id, Issue issue, string? parentId) => new()
    {
        Id = id.ToString(),
        Source = ItemSource.GitHub,
        Kind = KindOf(issue.Labels.Select(l => l.Name)),
        Title = issue.Title ?? "",
        Body = issue.Body ?? "",
        Labels = [.. issue.Labels.Select(l => l.Name)],
        ParentId = parentId,
        Author = issue.User?.Login,
        Scope = id.Repository.ToString(),
        Url = issue.HtmlUrl,
        State = issue.State.StringValue,
        IsOpen = issue.State.Value == ItemState.Open,
    };

    private static ItemKind KindOf(IEnumerable<string> labels)
    {
        foreach (var label in labels)
        {
            var name = label.StartsWith("type:", StringComparison.OrdinalIgnoreCase) ? label[5..].Trim() : label;
            if (Enum.TryParse<ItemKind>(name, ignoreCase: true, out var kind) && kind is ItemKind.Epic or ItemKind.Feature or ItemKind.Story)
            {
                return kind;
            }
        }

        return ItemKind.Other;
    }
}
