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
    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 256,
    };

    /// <summary>States that end an item's life (across the Agile, Scrum, CMMI and Basic processes): such items are not open.</summary>
    public static IReadOnlyList<string> ClosedStates { get; } = ["Closed", "Done", "Removed", "Resolved", "Completed"];

    /// <summary>The work-item types <see cref="KindOf"/> places as epic, feature or story (the items that carry gap tags).</summary>
    public static IReadOnlyList<string> BacklogTypes { get; } = ["Epic", "Feature", "User Story", "Product Backlog Item", "Requirement"];

    /// <summary>Each thread's reading state, reused item after item (with its cache of repeated values).</summary>
    [ThreadStatic]
    private static WorkItemRead? t_read;

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
        body?.Clear();
        var read = t_read ??= new WorkItemRead();
        read.Reset(keepFields, body, withUrl);
        try
        {
            var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return WorkItemMapResult.Failure(null, $"expected a work item object, found {JsonText.KindName(reader.TokenType)}");
            }

            WorkItemJsonReader.Read(ref reader, read);
        }
        catch (JsonException ex)
        {
            return WorkItemMapResult.Failure(null, $"the work item is not valid JSON: {ex.Message}");
        }

        return Build(read);
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

    private static WorkItemMapResult Build(WorkItemRead read)
    {
        var diagnostics = read.Diagnostics;
        diagnostics.Clear();
        var id = read.Id.Take("id", diagnostics);
        if (string.IsNullOrEmpty(id))
        {
            return WorkItemMapResult.Failure(null, "the work item has no `id`");
        }

        if (!read.HasFields)
        {
            return WorkItemMapResult.Failure(id, $"work item {id} has no `fields` object; it was not evaluated");
        }

        var type = read.Type.Take("System.WorkItemType", diagnostics);
        var state = read.State.Take("System.State", diagnostics);
        var item = new WorkItem
        {
            Id = id,
            Source = ItemSource.AzureDevOps,
            Kind = KindOf(type),
            Title = ItemJson.Title(read.Title.Take("System.Title", diagnostics), diagnostics),
            Body = read.Description.Take("System.Description", diagnostics) ?? "",
            BodyFormat = BodyFormat.Html,
            Labels = read.SplitTags(read.Tags.Take("System.Tags", diagnostics)),
            Fields = read.KeptFields(diagnostics),
            ParentId = read.RelationParent ?? read.Parent.Take("System.Parent", diagnostics),
            Author = read.Author(diagnostics),
            Scope = read.AreaPath.Take("System.AreaPath", diagnostics),
            Url = read.HtmlUrl(diagnostics),
            State = state,
            IsOpen = state is null || !DoneStates.Contains(state),

            // Last: the reads above add to it.
            Diagnostics = diagnostics.Count == 0 ? [] : [.. diagnostics],
        };
        return WorkItemMapResult.Success(item);
    }
}
