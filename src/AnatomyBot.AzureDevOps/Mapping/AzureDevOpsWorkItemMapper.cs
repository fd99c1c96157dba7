using System.Runtime.InteropServices;
using System.Text.Json;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.AzureDevOps.Mapping;

/// <summary>Maps one Azure DevOps work item as the REST API returns it (<c>id</c>, <c>fields</c>, <c>relations</c>;
/// from <c>_apis/wit/workitems?$expand=relations</c> or <c>workitemsbatch</c>) to a <see cref="WorkItem"/>. Pure.
/// Reads the item's UTF-8 JSON in one forward pass (no document is built; <see cref="AzureDevOpsItemReader"/> reads a
/// whole backlog this way), with the tolerance of <see cref="ItemJson"/>: a value of the wrong type is absent, a duplicate property's last
/// occurrence wins, text that is not UTF-8 is a diagnostic.</summary>
public static class AzureDevOpsWorkItemMapper
{
    /// <summary>States that end an item's life (across the Agile, Scrum, CMMI and Basic processes): such items are not open.</summary>
    public static IReadOnlyList<string> ClosedStates { get; } = ["Closed", "Done", "Removed", "Resolved", "Completed"];

    /// <summary>The work-item types <see cref="KindOf"/> places as epic, feature or story (the items that carry gap tags).</summary>
    public static IReadOnlyList<string> BacklogTypes { get; } = ["Epic", "Feature", "User Story", "Product Backlog Item", "Requirement"];

    /// <summary>Slots of the cache of repeated values when one item is mapped on its own.</summary>
    private const int SingleItemCacheSlots = 64;

    /// <summary>Maps <paramref name="json"/>. <paramref name="keepFields"/> names the extra fields to carry into
    /// <see cref="WorkItem.Fields"/> (the policy's reference fields); null keeps every custom (non-<c>System.</c>) field.</summary>
    public static WorkItemMapResult Map(JsonElement json, IReadOnlyCollection<string>? keepFields = null) =>
        json.ValueKind == JsonValueKind.Undefined
            ? WorkItemMapResult.Failure(null, "expected a work item object, found undefined")
            : Map(JsonMarshal.GetRawUtf8Value(json), keepFields);

    /// <summary>Maps one work item from its UTF-8 JSON text; see <see cref="Map(JsonElement, IReadOnlyCollection{string})"/>.
    /// Text that is not JSON is a failure, never an exception. Without <paramref name="withUrl"/>,
    /// <see cref="WorkItem.Url"/> is not read.</summary>
    public static WorkItemMapResult Map(ReadOnlySpan<byte> utf8Json, IReadOnlyCollection<string>? keepFields = null, bool withUrl = true)
        => new AzureDevOpsItemReader(keepFields, SingleItemCacheSlots).Map(utf8Json, withUrl);

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
}
