using System.Text.Json;

namespace AnatomyBot.AzureDevOps.Commands;

/// <summary>Where the comment of a <c>ms.vss-code.git-pullrequest-comment-event</c> is: its id (<c>resource.comment.id</c>)
/// and its thread's id, the last segment of <c>resource.comment._links.threads.href</c> (the payload names the thread
/// nowhere else). Only these ids are taken; the comment itself is read again from Azure DevOps.</summary>
public static class PullRequestCommentReader
{
    public static bool TryRead(string body, out int threadId, out int commentId)
    {
        threadId = 0;
        commentId = 0;
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = Core.Pipeline.JsonLimits.MaxDepth });
            if (!document.RootElement.TryGetProperty("resource", out var resource) || resource.ValueKind != JsonValueKind.Object
                || !resource.TryGetProperty("comment", out var comment) || comment.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            commentId = comment.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number && id.TryGetInt32(out var c) ? c : 0;
            threadId = comment.TryGetProperty("_links", out var links) && links.ValueKind == JsonValueKind.Object
                && links.TryGetProperty("threads", out var threads) && threads.ValueKind == JsonValueKind.Object
                && threads.TryGetProperty("href", out var href) && href.ValueKind == JsonValueKind.String
                ? LastNumber(href.GetString()!) : 0;
        }
        catch (JsonException)
        {
            return false;
        }

        return threadId > 0 && commentId > 0;
    }

    private static int LastNumber(string href)
    {
        var path = href.Split('?', '#')[0].TrimEnd('/');
        return int.TryParse(path.AsSpan(path.LastIndexOf('/') + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number : 0;
    }
}
