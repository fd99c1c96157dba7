namespace AnatomyBot.GitHub.Events;

/// <summary>An issue or pull request, printed <c>owner/repo#12</c> — the GitHub <see cref="Core.Linkage.WorkItem.Id"/> form.</summary>
public sealed record IssueId(RepositoryId Repository, int Number)
{
    /// <summary>Parses <c>owner/repo#12</c>.</summary>
    public static IssueId? TryParse(string? text)
    {
        var hash = text?.LastIndexOf('#') ?? -1;
        return hash > 0 && RepositoryId.TryParse(text![..hash]) is { } repository && int.TryParse(text[(hash + 1)..], out var number) && number > 0
            ? new IssueId(repository, number)
            : null;
    }

    /// <summary>From an issue or pull request <c>html_url</c> (<c>https://host/owner/repo/issues/12</c>).</summary>
    public static IssueId? FromHtmlUrl(string? url)
    {
        var parts = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsolutePath.Trim('/').Split('/') : [];
        return parts.Length >= 4 && int.TryParse(parts[^1], out var number) && number > 0
            && RepositoryId.TryCreate(parts[^4], parts[^3]) is { } repository
            ? new IssueId(repository, number)
            : null;
    }

    public override string ToString() => $"{Repository}#{Number}";
}
