using System.Globalization;
using System.Text.Json;

namespace AnatomyBot.AzureDevOps.Commands;

/// <summary>Where the comment of a comment notification is; only these ids are taken, the comment itself is read again
/// from Azure DevOps. <c>ms.vss-code.git-pullrequest-comment-event</c>: the comment's id (<c>resource.comment.id</c>)
/// and its thread's, the last segment of <c>resource.comment._links.threads.href</c> (the payload names the thread
/// nowhere else). <c>workitem.commented</c>: the work item (<c>resource.id</c>) and the revision the comment made
/// (<c>resource.rev</c>); the payload carries the comment's text (<c>System.History</c>, <c>detailedMessage</c>) but not
/// its id, which that revision names.</summary>
public static class CommentNotificationReader
{
    public static bool TryReadThreadComment(string body, out int threadId, out int commentId)
    {
        var (thread, comment) = (0, 0);
        var read = WithResource(body, resource =>
        {
            if (!resource.TryGetProperty("comment", out var found) || found.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            comment = Number(found, "id");
            thread = found.TryGetProperty("_links", out var links) && links.ValueKind == JsonValueKind.Object
                && links.TryGetProperty("threads", out var threads) && threads.ValueKind == JsonValueKind.Object
                && threads.TryGetProperty("href", out var href) && href.ValueKind == JsonValueKind.String
                ? LastNumber(href.GetString()!) : 0;
        });
        (threadId, commentId) = (thread, comment);
        return read && threadId > 0 && commentId > 0;
    }

    /// <summary>The author's identity id and the text of the comment a thread comment notification is about
    /// (<c>resource.comment.author.id</c> and <c>content</c>), as Azure DevOps wrote them into the notification.</summary>
    public static bool TryReadThreadCommentAuthor(string body, out string authorId, out string content)
    {
        var (author, text) = ("", "");
        var read = WithResource(body, resource =>
        {
            if (resource.TryGetProperty("comment", out var comment) && comment.ValueKind == JsonValueKind.Object)
            {
                author = comment.TryGetProperty("author", out var who) && who.ValueKind == JsonValueKind.Object ? Text(who, "id") : "";
                text = Text(comment, "content");
            }
        });
        (authorId, content) = (author, text);
        return read && authorId.Length > 0;
    }

    public static bool TryReadWorkItemComment(string body, out int workItemId, out int revision)
    {
        var (item, rev) = (0, 0);
        var read = WithResource(body, resource => (item, rev) = (Number(resource, "id"), Number(resource, "rev")));
        (workItemId, revision) = (item, rev);
        return read && workItemId > 0 && revision > 0;
    }

    /// <summary>Reads the notification's <c>resource</c> object with <paramref name="read"/>; false when the body is not
    /// JSON or has no such object.</summary>
    private static bool WithResource(string body, Action<JsonElement> read)
    {
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = Core.Pipeline.JsonLimits.MaxDepth });
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("resource", out var resource) || resource.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            read(resource);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    private static int Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : 0;

    private static int LastNumber(string href)
    {
        var path = href.Split('?', '#')[0].TrimEnd('/');
        return int.TryParse(path.AsSpan(path.LastIndexOf('/') + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 0;
    }
}
