using System.Globalization;
using System.Text.Json;
using AnatomyBot.AzureDevOps.Rest;
using AnatomyBot.AzureDevOps.Rest.Dtos;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.AzureDevOps.Reading.Interim;

/// <summary>INTERIM: Azure DevOps work-item and pull-request shapes → Core <see cref="WorkItem"/>. The engine helper owns
/// the real mapper in <c>src/AnatomyBot.AzureDevOps/Mapping/</c>; this file goes away once that lands on main.</summary>
internal static class InterimWorkItemMapper
{
    private static readonly string[] ClosedStates = ["Closed", "Done", "Removed", "Completed", "Cut"];

    public static WorkItem Map(WorkItemDto dto, Uri organizationUrl, string project)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in dto.Fields ?? new Dictionary<string, JsonElement>())
        {
            if (FieldText(value) is { } text)
            {
                fields[name] = text;
            }
        }

        var state = fields.GetValueOrDefault("System.State");
        return new WorkItem
        {
            Id = dto.Id.ToString(CultureInfo.InvariantCulture),
            Source = ItemSource.AzureDevOps,
            Kind = KindOf(fields.GetValueOrDefault("System.WorkItemType")),
            Title = fields.GetValueOrDefault("System.Title") ?? "",
            Body = fields.GetValueOrDefault("System.Description") ?? "",
            BodyFormat = BodyFormat.Html,
            Labels = TagList.Parse(fields.GetValueOrDefault("System.Tags")),
            Fields = fields,
            ParentId = fields.GetValueOrDefault("System.Parent") ?? WorkItemRelations.ParentId(dto)?.ToString(CultureInfo.InvariantCulture),
            Author = fields.GetValueOrDefault("System.CreatedBy"),
            Scope = fields.GetValueOrDefault("System.AreaPath"),
            Url = dto.Links?.GetValueOrDefault("html")?.Href ?? $"{organizationUrl.AbsoluteUri.TrimEnd('/')}/{Uri.EscapeDataString(project)}/_workitems/edit/{dto.Id}",
            State = state,
            IsOpen = state is null || !ClosedStates.Contains(state, StringComparer.OrdinalIgnoreCase),
        };
    }

    public static WorkItem MapPullRequest(PullRequestDto pr, PullRequestRef where, IReadOnlyList<int> linkedWorkItems, IReadOnlyList<string> changedPaths) => new()
    {
        Id = PullRequestIds.Format(where),
        Source = ItemSource.AzureDevOps,
        Kind = ItemKind.PullRequest,
        Title = pr.Title ?? "",
        Body = pr.Description ?? "",
        BodyFormat = BodyFormat.Markdown,
        LinkedItemIds = [.. linkedWorkItems.Select(i => i.ToString(CultureInfo.InvariantCulture))],
        ChangedPaths = changedPaths,
        Author = pr.CreatedBy?.UniqueName ?? pr.CreatedBy?.DisplayName,
        Scope = $"{where.Project}/{where.RepositoryId}",
        Url = pr.Repository?.WebUrl is { } web ? $"{web}/pullrequest/{pr.PullRequestId}" : pr.Url,
        State = pr.Status,
        IsOpen = string.Equals(pr.Status, "active", StringComparison.OrdinalIgnoreCase),
    };

    private static ItemKind KindOf(string? type) => type?.Trim().ToUpperInvariant() switch
    {
        "EPIC" => ItemKind.Epic,
        "FEATURE" => ItemKind.Feature,
        "USER STORY" or "PRODUCT BACKLOG ITEM" or "REQUIREMENT" or "ISSUE" => ItemKind.Story,
        _ => ItemKind.Other,
    };

    private static string? FieldText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Object => Property(value, "uniqueName") ?? Property(value, "displayName"),
        _ => null,
    };

    private static string? Property(JsonElement value, string name) =>
        value.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String ? property.GetString() : null;
}
