using System.Text.Json;

namespace AnatomyBot.GitHub.Events;

/// <summary>Reads <see cref="WebhookFacts"/> straight from the JSON, tolerating missing members.</summary>
internal static class RawWebhookFacts
{
    public static WebhookFacts Read(string eventName, JsonElement root)
    {
        var repository = ReadRepository(Get(root, "repository"));
        var issue = Get(root, "issue");
        var number = Int(Get(Get(root, "pull_request"), "number")) ?? Int(Get(issue, "number")) ?? Int(Get(root, "number"));
        var changes = Get(root, "changes");
        var newRepo = ReadRepository(Get(changes, "new_repository"));
        var newNumber = Int(Get(Get(changes, "new_issue"), "number"));
        var subRepo = ReadRepository(Get(root, "sub_issue_repo")) ?? repository;
        var subNumber = Int(Get(Get(root, "sub_issue"), "number"));
        var commits = Get(root, "commits");
        var paths = commits is { ValueKind: JsonValueKind.Array } list
            ? list.EnumerateArray().SelectMany(c => Strings(Get(c, "added")).Concat(Strings(Get(c, "modified"))).Concat(Strings(Get(c, "removed"))))
                .Distinct(StringComparer.Ordinal).ToList()
            : [];
        return new WebhookFacts
        {
            EventName = eventName,
            Action = Text(Get(root, "action")),
            Repository = repository,
            InstallationId = Long(Get(Get(root, "installation"), "id")),
            Number = number,
            OnPullRequest = Get(issue, "pull_request") is { ValueKind: JsonValueKind.Object },
            TransferredTo = newRepo is not null && newNumber is { } n ? new IssueId(newRepo, n) : null,
            SubIssue = subRepo is not null && subNumber is { } s ? new IssueId(subRepo, s) : null,
            Ref = Text(Get(root, "ref")),
            DefaultBranch = Text(Get(Get(root, "repository"), "default_branch")),
            TouchedPaths = paths,
            TouchedPathsIncomplete = commits is { ValueKind: JsonValueKind.Array } c2 && c2.GetArrayLength() >= 20,
            Comment = eventName == GitHubEvents.IssueComment ? ReadComment(Get(root, "comment")) : null,
            Sender = Text(Get(Get(root, "sender"), "login")),
            ItemUrl = Text(Get(Get(root, "pull_request"), "html_url")) ?? Text(Get(issue, "html_url")),
            Label = Text(Get(Get(root, "label"), "name")),
            Before = Text(Get(root, "before")),
            After = Text(Get(root, "after")),
            Pusher = Text(Get(Get(root, "pusher"), "name")),
            Commits = commits is { ValueKind: JsonValueKind.Array } pushed ? ReadCommits(pushed) : [],
        };
    }

    private static List<PushCommitFacts> ReadCommits(JsonElement commits) =>
        [.. commits.EnumerateArray().Take(WebhookFacts.MaxPushCommits)
            .Select(c => Text(Get(c, "id")) is { } id
                ? new PushCommitFacts(id, Text(Get(c, "url")), Text(Get(Get(c, "author"), "username")) ?? Text(Get(Get(c, "author"), "name")),
                    [.. Strings(Get(c, "added")).Concat(Strings(Get(c, "modified"))).Concat(Strings(Get(c, "removed")))])
                : null)
            .OfType<PushCommitFacts>()];

    private static CommentFacts? ReadComment(JsonElement? comment)
    {
        var user = Get(comment, "user");
        return Long(Get(comment, "id")) is { } id && Text(Get(user, "login")) is { } login
            ? new CommentFacts(id, Text(Get(comment, "body")) ?? "", login, Text(Get(user, "type")) == "Bot", Text(Get(comment, "html_url")))
            : null;
    }

    private static RepositoryId? ReadRepository(JsonElement? repository) =>
        Text(Get(Get(repository, "owner"), "login")) is { } owner && Text(Get(repository, "name")) is { } name
            ? RepositoryId.TryCreate(owner, name)
            : RepositoryId.TryParse(Text(Get(repository, "full_name")));

    private static JsonElement? Get(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var value) ? value : null;

    private static string? Text(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.String } e ? e.GetString() : null;

    private static long? Long(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Number } e && e.TryGetInt64(out var value) ? value : null;

    private static int? Int(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Number } e && e.TryGetInt32(out var value) ? value : null;

    private static IEnumerable<string> Strings(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Array } e
            ? e.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!)
            : [];
}
