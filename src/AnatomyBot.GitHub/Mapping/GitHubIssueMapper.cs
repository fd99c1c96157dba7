using System.Text.Json;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.GitHub.Mapping;

/// <summary>Maps one GitHub issue object as <c>GET /repos/{owner}/{repo}/issues</c> returns it (pull requests carry a
/// <c>pull_request</c> key), or as <c>gh issue list --json</c> / <c>gh pr list --json</c> write it
/// (<see cref="GitHubCliFields"/>), to a <see cref="WorkItem"/> with id <c>owner/repo#N</c>. Pure.</summary>
public static class GitHubIssueMapper
{
    private static readonly (string Label, ItemKind Kind)[] KindLabels =
    [
        ("epic", ItemKind.Epic), ("feature", ItemKind.Feature), ("story", ItemKind.Story), ("bug", ItemKind.Other), ("task", ItemKind.Other),
    ];

    public static WorkItemMapResult Map(JsonElement json)
    {
        var diagnostics = new List<string>();
        if (json.ValueKind != JsonValueKind.Object)
        {
            return WorkItemMapResult.Failure(null, $"expected an issue object, found {json.ValueKind.ToString().ToLowerInvariant()}");
        }

        var number = ItemJson.Text(json, "number", diagnostics);
        var htmlUrl = ItemJson.Text(json, "html_url", diagnostics) ?? GitHubCliFields.WebUrl(ItemJson.Text(json, "url", diagnostics));
        var repository = RepositoryOf(ItemJson.Text(json, "repository_url", diagnostics), htmlUrl);
        if (string.IsNullOrEmpty(number) || repository is null)
        {
            return WorkItemMapResult.Failure(
                number is null ? null : "#" + number,
                "the issue has no `number` or no `repository_url`/`html_url` to tell its repository");
        }

        var labels = Labels(json, diagnostics);
        var isPullRequest = (json.TryGetProperty("pull_request", out var pr) && pr.ValueKind != JsonValueKind.Null) || GitHubCliFields.IsPullRequestUrl(htmlUrl);
        var user = ItemJson.Child(json, "user");
        var cliAuthor = user is null ? ItemJson.Child(json, "author") : null;
        var state = ItemJson.Text(json, "state", diagnostics);
        var item = new WorkItem
        {
            Id = $"{repository}#{number}",
            Source = ItemSource.GitHub,
            Kind = isPullRequest ? ItemKind.PullRequest : KindOf(TypeName(json, diagnostics), labels),
            Title = ItemJson.Title(ItemJson.Text(json, "title", diagnostics), diagnostics),
            Body = ItemJson.Text(json, "body", diagnostics) ?? "",
            BodyFormat = BodyFormat.Markdown,
            Labels = labels,
            ParentId = ParentOf(ItemJson.Text(json, "parent_issue_url", diagnostics)),
            Author = user is { } u ? Author(u, diagnostics) : cliAuthor is { } a ? GitHubCliFields.Author(a, diagnostics) : null,
            Scope = repository,
            Url = htmlUrl,
            State = state,
            IsOpen = !string.Equals(state, "closed", StringComparison.OrdinalIgnoreCase),
            MergedAt = MergedAt(json, pr, diagnostics),
        };
        item = isPullRequest ? GitHubCliFields.Complete(item, json, diagnostics) : item;
        return WorkItemMapResult.Success(diagnostics.Count == 0 ? item : item with { Diagnostics = diagnostics });
    }

    /// <summary>The issue type when present (Epic, Feature, Story/User Story; other types are other), else the first
    /// of the labels epic, feature, story, bug, task; else story.</summary>
    public static ItemKind KindOf(string? typeName, IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (!string.IsNullOrWhiteSpace(typeName))
        {
            return typeName.Trim().ToUpperInvariant() switch
            {
                "EPIC" => ItemKind.Epic,
                "FEATURE" => ItemKind.Feature,
                "STORY" or "USER STORY" => ItemKind.Story,
                _ => ItemKind.Other,
            };
        }

        foreach (var (label, kind) in KindLabels)
        {
            if (labels.Any(l => string.Equals(l, label, StringComparison.OrdinalIgnoreCase)))
            {
                return kind;
            }
        }

        return ItemKind.Story;
    }

    /// <summary><c>owner/repo</c> from <c>https://api.github.com/repos/owner/repo</c> or <c>https://github.com/owner/repo/issues/N</c>.</summary>
    public static string? RepositoryOf(string? repositoryUrl, string? htmlUrl)
    {
        if (TryAfter(repositoryUrl, "/repos/", out var fromApi))
        {
            return fromApi;
        }

        if (Uri.TryCreate(htmlUrl, UriKind.Absolute, out var uri))
        {
            var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
            return segments.Length >= 2 ? $"{segments[0]}/{segments[1]}" : null;
        }

        return null;
    }

    private static string? ParentOf(string? parentIssueUrl) =>
        TryAfter(parentIssueUrl, "/repos/", out var repository) && ItemJson.TrailingNumber(parentIssueUrl) is { } number
            ? $"{repository}#{number}"
            : null;

    private static bool TryAfter(string? url, string marker, out string repository)
    {
        repository = "";
        var at = url?.IndexOf(marker, StringComparison.OrdinalIgnoreCase) ?? -1;
        if (at < 0)
        {
            return false;
        }

        var segments = url![(at + marker.Length)..].Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 2)
        {
            return false;
        }

        repository = $"{segments[0]}/{segments[1]}";
        return true;
    }

    private static List<string> Labels(JsonElement json, List<string> diagnostics)
    {
        var labels = new List<string>();
        if (ItemJson.Items(json, "labels") is not { } array)
        {
            return labels;
        }

        foreach (var label in array.EnumerateArray())
        {
            var name = label.ValueKind == JsonValueKind.Object ? ItemJson.Text(label, "name", diagnostics) : ItemJson.Text(label, "label", diagnostics);
            if (!string.IsNullOrWhiteSpace(name))
            {
                labels.Add(name);
            }
        }

        return labels;
    }

    /// <summary><c>merged_at</c> of a pull request object (<c>GET /pulls/{n}</c>) or of an issue's <c>pull_request</c>
    /// member (<c>GET /issues</c>); a value that is not an ISO 8601 time is a diagnostic.</summary>
    private static DateTimeOffset? MergedAt(JsonElement json, JsonElement pullRequest, List<string> diagnostics)
    {
        var text = ItemJson.Text(json, "merged_at", diagnostics) ?? ItemJson.Text(pullRequest, "merged_at", diagnostics);
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at))
        {
            return at.ToUniversalTime();
        }

        diagnostics.Add("`merged_at` is not a time and was ignored");
        return null;
    }

    private static string? TypeName(JsonElement json, List<string> diagnostics) =>
        ItemJson.Child(json, "type") is { } type ? ItemJson.Text(type, "name", diagnostics) : null;

    private static string? Author(JsonElement user, List<string> diagnostics)
    {
        var login = ItemJson.Text(user, "login", diagnostics);
        var isBot = string.Equals(ItemJson.Text(user, "type", diagnostics), "Bot", StringComparison.OrdinalIgnoreCase);
        return isBot && login is not null && !login.EndsWith("[bot]", StringComparison.OrdinalIgnoreCase) ? login + "[bot]" : login;
    }
}
