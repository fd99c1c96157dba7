using System.Text.Json;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.AzureDevOps.Mapping;

/// <summary>Maps one Azure DevOps work item as the REST API returns it (<c>id</c>, <c>fields</c>, <c>relations</c>;
/// from <c>_apis/wit/workitems?$expand=relations</c> or <c>workitemsbatch</c>) to a <see cref="WorkItem"/>. Pure.</summary>
public static class AzureDevOpsWorkItemMapper
{
    private const string ParentLink = "System.LinkTypes.Hierarchy-Reverse";

    /// <summary>States that end an item's life (across the Agile, Scrum, CMMI and Basic processes): such items are not open.</summary>
    public static IReadOnlyList<string> ClosedStates { get; } = ["Closed", "Done", "Removed", "Resolved", "Completed"];

    /// <summary>The work-item types <see cref="KindOf"/> places as epic, feature or story (the items that carry gap tags).</summary>
    public static IReadOnlyList<string> BacklogTypes { get; } = ["Epic", "Feature", "User Story", "Product Backlog Item", "Requirement"];

    private static readonly HashSet<string> DoneStates = new(ClosedStates, StringComparer.OrdinalIgnoreCase);

    /// <summary>Maps <paramref name="json"/>. <paramref name="keepFields"/> names the extra fields to carry into
    /// <see cref="WorkItem.Fields"/> (the policy's reference fields); null keeps every custom (non-<c>System.</c>) field.</summary>
    public static WorkItemMapResult Map(JsonElement json, IReadOnlyCollection<string>? keepFields = null)
    {
        var diagnostics = new List<string>();
        if (json.ValueKind != JsonValueKind.Object)
        {
            return WorkItemMapResult.Failure(null, $"expected a work item object, found {json.ValueKind.ToString().ToLowerInvariant()}");
        }

        var id = ItemJson.Text(json, "id", diagnostics);
        if (string.IsNullOrEmpty(id))
        {
            return WorkItemMapResult.Failure(null, "the work item has no `id`");
        }

        if (ItemJson.Child(json, "fields") is not { } fields)
        {
            return WorkItemMapResult.Failure(id, $"work item {id} has no `fields` object; it was not evaluated");
        }

        var type = ItemJson.Text(fields, "System.WorkItemType", diagnostics);
        var state = ItemJson.Text(fields, "System.State", diagnostics);
        var item = new WorkItem
        {
            Id = id,
            Source = ItemSource.AzureDevOps,
            Kind = KindOf(type),
            Title = ItemJson.Title(ItemJson.Text(fields, "System.Title", diagnostics), diagnostics),
            Body = ItemJson.Text(fields, "System.Description", diagnostics) ?? "",
            BodyFormat = BodyFormat.Html,
            Labels = Tags(ItemJson.Text(fields, "System.Tags", diagnostics)),
            Fields = KeptFields(fields, keepFields, diagnostics),
            ParentId = ParentFromRelations(json) ?? ItemJson.Text(fields, "System.Parent", diagnostics),
            Author = Identity(fields, "System.CreatedBy", diagnostics),
            Scope = ItemJson.Text(fields, "System.AreaPath", diagnostics),
            Url = HtmlUrl(json, diagnostics),
            State = state,
            IsOpen = state is null || !DoneStates.Contains(state),
        };
        return WorkItemMapResult.Success(diagnostics.Count == 0 ? item : item with { Diagnostics = diagnostics });
    }

    /// <summary>Epic → epic; Feature → feature; User Story, Product Backlog Item, Requirement → story; else other.</summary>
    public static ItemKind KindOf(string? workItemType) => workItemType?.Trim().ToUpperInvariant() switch
    {
        "EPIC" => ItemKind.Epic,
        "FEATURE" => ItemKind.Feature,
        "USER STORY" or "PRODUCT BACKLOG ITEM" or "REQUIREMENT" => ItemKind.Story,
        _ => ItemKind.Other,
    };

    /// <summary>Splits <c>System.Tags</c> (<c>"a; b;c"</c>) into trimmed tags.</summary>
    public static IReadOnlyList<string> Tags(string? tags) =>
        string.IsNullOrWhiteSpace(tags) ? [] : tags.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string? ParentFromRelations(JsonElement json)
    {
        if (ItemJson.Items(json, "relations") is not { } relations)
        {
            return null;
        }

        var ignored = new List<string>();
        foreach (var relation in relations.EnumerateArray())
        {
            if (string.Equals(ItemJson.Text(relation, "rel", ignored), ParentLink, StringComparison.OrdinalIgnoreCase))
            {
                return ItemJson.TrailingNumber(ItemJson.Text(relation, "url", ignored));
            }
        }

        return null;
    }

    private static Dictionary<string, string> KeptFields(JsonElement fields, IReadOnlyCollection<string>? keep, List<string> diagnostics)
    {
        var kept = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (keep is { Count: 0 })
        {
            return kept;
        }

        if (keep is not null)
        {
            foreach (var name in keep)
            {
                if (ItemJson.Text(fields, name, diagnostics) is { } value)
                {
                    kept[name] = value;
                }
            }

            return kept;
        }

        foreach (var field in fields.EnumerateObject())
        {
            if (!field.Name.StartsWith("System.", StringComparison.OrdinalIgnoreCase) && ItemJson.AsText(field.Value, field.Name, diagnostics) is { } value)
            {
                kept[field.Name] = value;
            }
        }

        return kept;
    }

    private static string? Identity(JsonElement fields, string name, List<string> diagnostics)
    {
        if (ItemJson.Child(fields, name) is { } identity)
        {
            return ItemJson.Text(identity, "uniqueName", diagnostics) ?? ItemJson.Text(identity, "displayName", diagnostics);
        }

        // Older payloads carry identities as "Display Name <unique@name>".
        return ItemJson.Text(fields, name, diagnostics);
    }

    private static string? HtmlUrl(JsonElement json, List<string> diagnostics) =>
        ItemJson.Child(json, "_links") is { } links && ItemJson.Child(links, "html") is { } html
            ? ItemJson.Text(html, "href", diagnostics)
            : ItemJson.Text(json, "url", diagnostics);
}
