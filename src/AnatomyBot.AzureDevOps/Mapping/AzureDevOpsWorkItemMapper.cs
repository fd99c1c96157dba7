using System.Runtime.InteropServices;
using System.Text.Json;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.AzureDevOps.Mapping;

/// <summary>Maps one Azure DevOps work item as the REST API returns it (<c>id</c>, <c>fields</c>, <c>relations</c>;
/// from <c>_apis/wit/workitems?$expand=relations</c> or <c>workitemsbatch</c>) to a <see cref="WorkItem"/>. Pure.
/// Reads the item's UTF-8 JSON in one forward pass (no document is built: <c>check</c> maps 100,000 items this way),
/// with the tolerance of <see cref="ItemJson"/>: a value of the wrong type is absent, a duplicate property's last
/// occurrence wins, text that is not UTF-8 is a diagnostic.</summary>
public static class AzureDevOpsWorkItemMapper
{
    /// <summary>Items are read without comments first (the platforms never write any, and the reader is about 10% faster
    /// without looking for them); an item that fails is read again with <see cref="TolerantOptions"/>.</summary>
    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = true,
        MaxDepth = 256,
    };

    private static readonly JsonReaderOptions TolerantOptions = ReaderOptions with { CommentHandling = JsonCommentHandling.Skip };

    /// <summary>States that end an item's life (across the Agile, Scrum, CMMI and Basic processes): such items are not open.</summary>
    public static IReadOnlyList<string> ClosedStates { get; } = ["Closed", "Done", "Removed", "Resolved", "Completed"];

    /// <summary>The work-item types <see cref="KindOf"/> places as epic, feature or story (the items that carry gap tags).</summary>
    public static IReadOnlyList<string> BacklogTypes { get; } = ["Epic", "Feature", "User Story", "Product Backlog Item", "Requirement"];

    /// <summary>Each thread's reading state, reused item after item (with its cache of repeated values).</summary>
    [ThreadStatic]
    private static WorkItemRead? t_read;

    /// <summary>Each thread's draft, which <see cref="Map(ReadOnlySpan{byte}, IReadOnlyCollection{string}, BodyBuffer, bool)"/>
    /// turns into a work item.</summary>
    [ThreadStatic]
    private static WorkItemDraft? t_draft;

    private static readonly HashSet<string> DoneStates = new(ClosedStates, StringComparer.OrdinalIgnoreCase);

    /// <summary>Maps <paramref name="json"/>. <paramref name="keepFields"/> names the extra fields to carry into
    /// <see cref="WorkItem.Fields"/> (the policy's reference fields); null keeps every custom (non-<c>System.</c>) field.</summary>
    public static WorkItemMapResult Map(JsonElement json, IReadOnlyCollection<string>? keepFields = null) =>
        json.ValueKind == JsonValueKind.Undefined
            ? WorkItemMapResult.Failure(null, "expected a work item object, found undefined")
            : Map(JsonMarshal.GetRawUtf8Value(json), keepFields);

    /// <summary>Maps one work item from its UTF-8 JSON text; see <see cref="Map(JsonElement, IReadOnlyCollection{string})"/>.
    /// Text that is not JSON is a failure, never an exception. With <paramref name="body"/>, the description is written
    /// there instead of into <see cref="WorkItem.Body"/> (which stays empty): no string per description. Without
    /// <paramref name="withUrl"/>, <see cref="WorkItem.Url"/> is not read (a reader of a whole backlog reports no links).</summary>
    public static WorkItemMapResult Map(ReadOnlySpan<byte> utf8Json, IReadOnlyCollection<string>? keepFields = null, BodyBuffer? body = null, bool withUrl = true)
    {
        var draft = t_draft ??= new WorkItemDraft();
        if (!TryRead(utf8Json, keepFields, body, withUrl, draft, out var failure, out var rest))
        {
            return failure;
        }

        return WorkItemMapResult.Success(draft.ToWorkItem(rest.Body, rest.Url, rest.State));
    }

    /// <summary>As <see cref="Map(ReadOnlySpan{byte}, IReadOnlyCollection{string}, BodyBuffer, bool)"/>, into
    /// <paramref name="draft"/> instead of a new work item, with the description written into <paramref name="body"/>:
    /// a reader of a whole backlog makes no object per item here. False (the draft then undefined) with the failure.</summary>
    public static bool TryMap(ReadOnlySpan<byte> utf8Json, WorkItemDraft draft, BodyBuffer body, IReadOnlyCollection<string>? keepFields, out WorkItemMapResult failure)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(body);
        return TryRead(utf8Json, keepFields, body, withUrl: false, draft, out failure, out _);
    }

    /// <summary>Epic → epic; Feature → feature; User Story, Product Backlog Item, Requirement → story; else other.</summary>
    public static ItemKind KindOf(string? workItemType)
    {
        var type = workItemType.AsSpan().Trim();
        return type.Equals("User Story", StringComparison.OrdinalIgnoreCase) || type.Equals("Product Backlog Item", StringComparison.OrdinalIgnoreCase)
            || type.Equals("Requirement", StringComparison.OrdinalIgnoreCase) ? ItemKind.Story
            : type.Equals("Feature", StringComparison.OrdinalIgnoreCase) ? ItemKind.Feature
            : type.Equals("Epic", StringComparison.OrdinalIgnoreCase) ? ItemKind.Epic
            : ItemKind.Other;
    }

    /// <summary>Splits <c>System.Tags</c> (<c>"a; b;c"</c>) into trimmed tags.</summary>
    public static IReadOnlyList<string> Tags(string? tags) =>
        string.IsNullOrWhiteSpace(tags) ? [] : tags.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Reads one item into <paramref name="draft"/>; <paramref name="rest"/> holds what a draft has no room for.</summary>
    private static bool TryRead(ReadOnlySpan<byte> utf8Json, IReadOnlyCollection<string>? keepFields, BodyBuffer? body, bool withUrl,
        WorkItemDraft draft, out WorkItemMapResult failure, out (string Body, string? Url, string? State) rest)
    {
        rest = default;
        var read = t_read ??= new WorkItemRead();
        if (ReadJson(utf8Json, ReaderOptions, keepFields, body, withUrl, read) is not null
            && ReadJson(utf8Json, TolerantOptions, keepFields, body, withUrl, read) is { } error)
        {
            failure = WorkItemMapResult.Failure(null, error);
            return false;
        }

        var diagnostics = read.Diagnostics;
        diagnostics.Clear();
        var id = read.Id.Take("id", diagnostics);
        if (string.IsNullOrEmpty(id))
        {
            failure = WorkItemMapResult.Failure(null, "the work item has no `id`");
            return false;
        }

        if (!read.HasFields)
        {
            failure = WorkItemMapResult.Failure(id, $"work item {id} has no `fields` object; it was not evaluated");
            return false;
        }

        // In this order: the reads add to the diagnostics.
        var type = read.Type.Take("System.WorkItemType", diagnostics);
        var state = read.State.Take("System.State", diagnostics);
        draft.Id = id;
        draft.Source = ItemSource.AzureDevOps;
        draft.Kind = KindOf(type);
        draft.Title = ItemJson.Title(read.Title.Take("System.Title", diagnostics), diagnostics);
        var description = read.Description.Take("System.Description", diagnostics) ?? "";
        draft.BodyFormat = BodyFormat.Html;
        draft.Labels = read.SplitTags(read.Tags.Take("System.Tags", diagnostics));
        draft.Fields = read.KeptFields(diagnostics);
        draft.ParentId = read.RelationParent ?? read.Parent.Take("System.Parent", diagnostics);
        draft.LinkedItemIds = [];
        draft.ChangedPaths = [];
        draft.Author = read.Author(diagnostics);
        draft.Scope = read.AreaPath.Take("System.AreaPath", diagnostics);
        var url = read.HtmlUrl(diagnostics);
        draft.IsOpen = state is null || !DoneStates.Contains(state);
        draft.Diagnostics = diagnostics.Count == 0 ? [] : [.. diagnostics];
        rest = (description, url, state);
        failure = default;
        return true;
    }

    /// <summary>Reads the item's JSON into <paramref name="read"/> (reset first); the failure, or null.</summary>
    private static string? ReadJson(ReadOnlySpan<byte> utf8Json, JsonReaderOptions options, IReadOnlyCollection<string>? keepFields, BodyBuffer? body, bool withUrl, WorkItemRead read)
    {
        body?.Clear();
        read.Reset(keepFields, body, withUrl);
        try
        {
            var reader = new Utf8JsonReader(utf8Json, options);
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return $"expected a work item object, found {JsonText.KindName(reader.TokenType)}";
            }

            WorkItemJsonReader.Read(ref reader, read);
            return null;
        }
        catch (JsonException ex)
        {
            return $"the work item is not valid JSON: {ex.Message}";
        }
    }
}
