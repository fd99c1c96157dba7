using System.Text.Json;
using AnatomyBot.AzureDevOps.Rest.Dtos;

namespace AnatomyBot.AzureDevOps.Reading;

/// <summary>Single fields of a work item as the REST API returns them: a text field, or an identity field
/// (<c>System.CreatedBy</c>: an <c>IdentityRef</c> with <c>id</c>, <c>uniqueName</c> and <c>displayName</c>).</summary>
public static class WorkItemFields
{
    /// <summary>The field's text; null when it is missing, empty or not text.</summary>
    public static string? Text(WorkItemDto item, string name)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Fields is { } fields && fields.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } text ? text : null;
    }

    /// <summary>The identity the field holds; null when it holds none (or only a display name, which names nobody surely).</summary>
    public static IdentityDto? Identity(WorkItemDto item, string name)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Fields is not { } fields || !fields.TryGetValue(name, out var value) || value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var identity = new IdentityDto(Property(value, "id"), Property(value, "displayName"), Property(value, "uniqueName"));
        return identity.Id is null && identity.UniqueName is null ? null : identity;
    }

    private static string? Property(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}
