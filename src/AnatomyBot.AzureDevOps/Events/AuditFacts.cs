using System.Text.Json;

namespace AnatomyBot.AzureDevOps.Events;

/// <summary>What the audit trail takes from a service-hook body beyond the subject: who pushed and which commit
/// (<c>git.push</c>), and which tags an update added or removed and who made it (<c>workitem.updated</c>). Tolerates
/// missing members; the body was already parsed once with the same depth limit.</summary>
public static class AuditFacts
{
    /// <summary>The most tags read from one side of a tag change.</summary>
    public const int MaxTags = 100;

    private const string TeamProject = "System.TeamProject";

    /// <summary><c>git.push</c>: the pusher (<c>pushedBy.uniqueName</c>, else its display name) and the commit that
    /// <paramref name="newCommit"/> names, with its web address, when the payload lists it.</summary>
    public static (string? Pusher, string? CommitUrl) Push(string body, string? newCommit)
    {
        using var document = Parse(body);
        var resource = Get(document?.RootElement, "resource");
        var pushedBy = Get(resource, "pushedBy");
        var commit = Get(resource, "commits") is { ValueKind: JsonValueKind.Array } commits
            ? commits.EnumerateArray().Take(MaxTags).FirstOrDefault(c => Text(Get(c, "commitId")) is { } id && string.Equals(id, newCommit, StringComparison.OrdinalIgnoreCase))
            : default;
        return (Text(Get(pushedBy, "uniqueName")) ?? Text(Get(pushedBy, "displayName")), Text(Get(commit, "url")));
    }

    /// <summary><c>workitem.updated</c>: the tags the update added and removed (compared case-insensitively), its revision,
    /// who made it (<c>revisedBy</c>, else the new <c>System.ChangedBy</c>), the item's web address and its project (the
    /// <c>System.TeamProject</c> of <c>revision.fields</c>, else of <c>fields</c>); null when the update did not change
    /// <c>System.Tags</c>.</summary>
    public static TagChange? Tags(string body)
    {
        using var document = Parse(body);
        var resource = Get(document?.RootElement, "resource");
        var fields = Get(resource, "fields");
        if (Get(fields, "System.Tags") is not { ValueKind: JsonValueKind.Object } tags)
        {
            return null;
        }

        var before = Split(Text(Get(tags, "oldValue")));
        var after = Split(Text(Get(tags, "newValue")));
        var revisedBy = Get(resource, "revisedBy");
        var actor = Text(Get(revisedBy, "uniqueName")) ?? Text(Get(revisedBy, "displayName")) ?? Text(Get(Get(fields, "System.ChangedBy"), "newValue"));
        var rev = Get(resource, "rev") is { ValueKind: JsonValueKind.Number } r && r.TryGetInt32(out var n) ? n : 0;
        return new TagChange(
            [.. after.Except(before, StringComparer.OrdinalIgnoreCase)],
            [.. before.Except(after, StringComparer.OrdinalIgnoreCase)],
            rev,
            actor,
            Text(Get(Get(Get(resource, "_links"), "html"), "href")),
            Text(Get(Get(Get(resource, "revision"), "fields"), TeamProject)) ?? Text(Get(fields, TeamProject)) ?? Text(Get(Get(fields, TeamProject), "newValue")));
    }

    private static string[] Split(string? tags) =>
        (tags ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Take(MaxTags).ToArray();

    private static JsonDocument? Parse(string body)
    {
        try
        {
            return JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = Core.Pipeline.JsonLimits.MaxDepth });
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonElement? Get(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var value) ? value : null;

    private static string? Text(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.String } e && !string.IsNullOrWhiteSpace(e.GetString()) ? e.GetString() : null;
}
