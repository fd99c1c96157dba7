using System.Text.Json;
using AnatomyBot.Core.Linkage;

namespace AnatomyBot.GitHub.Mapping;

/// <summary>The fields <c>gh issue list --json …</c> and <c>gh pr list --json …</c> write where the REST API's differ:
/// <c>url</c> (the web address, <c>…/issues/N</c> or <c>…/pull/N</c>), <c>state</c> <c>OPEN|CLOSED|MERGED</c>,
/// <c>author</c> (<c>login</c>, <c>is_bot</c>), and for pull requests <c>files</c> (changed paths),
/// <c>closingIssuesReferences</c> (the issues it closes) and <c>mergedAt</c>. Pure.</summary>
public static class GitHubCliFields
{
    /// <summary>GitHub lists at most this many changed files of a pull request; more in a file are cut.</summary>
    public const int MaxFiles = 3000;

    /// <summary>At most this many closing references are read per pull request.</summary>
    public const int MaxClosingReferences = 100;

    /// <summary><paramref name="url"/> when it is a web address (gh's <c>url</c>), null when it is a REST API address.</summary>
    public static string? WebUrl(string? url) =>
        url is not null && !url.Contains("/repos/", StringComparison.OrdinalIgnoreCase) ? url : null;

    /// <summary>Whether a web address names a pull request (<c>https://github.com/o/r/pull/5</c>).</summary>
    public static bool IsPullRequestUrl(string? htmlUrl) =>
        Uri.TryCreate(htmlUrl, UriKind.Absolute, out var uri)
        && uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries) is { Length: >= 4 } segments
        && segments[2] == "pull";

    /// <summary>The author from gh's <c>author</c> object: an app's <c>app/NAME</c> login becomes <c>NAME[bot]</c>.</summary>
    public static string? Author(JsonElement author, List<string> diagnostics)
    {
        var login = ItemJson.Text(author, "login", diagnostics);
        if (login is null)
        {
            return null;
        }

        login = login.StartsWith("app/", StringComparison.Ordinal) ? login[4..] : login;
        var isBot = author.TryGetProperty("is_bot", out var bot) && bot.ValueKind == JsonValueKind.True;
        return isBot && !login.EndsWith("[bot]", StringComparison.OrdinalIgnoreCase) ? login + "[bot]" : login;
    }

    /// <summary>The item with what only gh's pull request fields say: changed paths, closed issues, merged state and
    /// merge time (<c>mergedAt</c>).</summary>
    public static WorkItem Complete(WorkItem item, JsonElement json, List<string> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (ItemJson.Items(json, "files") is { } files)
        {
            item = item with { ChangedPaths = Paths(files, diagnostics) };
        }

        if (ItemJson.Items(json, "closingIssuesReferences") is { } closing)
        {
            item = item with { LinkedItemIds = [.. item.LinkedItemIds, .. Closing(closing, item.Scope, diagnostics)] };
        }

        var mergedAt = MergedAt(json);
        var merged = string.Equals(item.State, "MERGED", StringComparison.OrdinalIgnoreCase) || mergedAt is not null;
        return merged ? item with { State = "merged", IsOpen = false, MergedAt = item.MergedAt ?? mergedAt } : item;
    }

    /// <summary>A time that is there: gh writes <c>null</c> or Go's zero time (<c>0001-01-01T00:00:00Z</c>) for none.</summary>
    private static DateTimeOffset? MergedAt(JsonElement json) =>
        json.TryGetProperty("mergedAt", out var value) && value.ValueKind == JsonValueKind.String
        && value.TryGetDateTimeOffset(out var at) && at.Year > 1 ? at.ToUniversalTime() : null;

    private static List<string> Paths(JsonElement files, List<string> diagnostics)
    {
        var paths = new List<string>();
        foreach (var file in files.EnumerateArray())
        {
            if (paths.Count == MaxFiles)
            {
                diagnostics.Add($"the pull request lists more than {MaxFiles:N0} changed files; only the first {MaxFiles:N0} were read");
                break;
            }

            if (ItemJson.Text(file, "path", diagnostics) is { Length: > 0 } path)
            {
                paths.Add(path);
            }
        }

        return paths;
    }

    /// <summary><c>owner/repo#N</c> for each closing reference: its repository from <c>url</c> or <c>repository</c>, else the
    /// pull request's own.</summary>
    private static IEnumerable<string> Closing(JsonElement references, string? scope, List<string> diagnostics)
    {
        foreach (var reference in references.EnumerateArray().Take(MaxClosingReferences))
        {
            var number = ItemJson.Text(reference, "number", diagnostics);
            var repository = GitHubIssueMapper.RepositoryOf(null, ItemJson.Text(reference, "url", diagnostics))
                ?? RepositoryOf(ItemJson.Child(reference, "repository"), diagnostics)
                ?? scope;
            if (number is { Length: > 0 } && repository is not null)
            {
                yield return $"{repository}#{number}";
            }
        }
    }

    private static string? RepositoryOf(JsonElement? repository, List<string> diagnostics) =>
        repository is { } r && ItemJson.Text(r, "name", diagnostics) is { } name
            && ItemJson.Child(r, "owner") is { } owner && ItemJson.Text(owner, "login", diagnostics) is { } login
            ? $"{login}/{name}"
            : null;
}
