using System.Text.Json;

namespace AnatomyBot.AzureDevOps.Commands;

/// <summary>Where the comment of a <c>workitem.commented</c> notification is: the work item (<c>resource.id</c>) and the
/// revision the comment made (<c>resource.rev</c>). The payload carries the comment's text (<c>System.History</c>,
/// <c>detailedMessage</c>) but not its id, so only these numbers are taken; the revision is read again from Azure DevOps
/// for the comment it added, and the comment for its text and author.</summary>
public static class WorkItemCommentReader
{
    public static bool TryRead(string body, out int workItemId, out int revision)
    {
        workItemId = 0;
        revision = 0;
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = Core.Pipeline.JsonLimits.MaxDepth });
            if (!document.RootElement.TryGetProperty("resource", out var resource) || resource.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            workItemId = Number(resource, "id");
            revision = Number(resource, "rev");
        }
        catch (JsonException)
        {
            return false;
        }

        return workItemId > 0 && revision > 0;
    }

    private static int Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : 0;
}
