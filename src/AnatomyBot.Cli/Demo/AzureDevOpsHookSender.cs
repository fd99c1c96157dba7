using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text;
using AnatomyBot.Fakes.AzureDevOps;

namespace AnatomyBot.Cli.Demo;

/// <summary>Sends Azure DevOps service-hook notifications as a Web Hooks subscription does: the event's payload built from
/// the fake's current state, the shared secret as the basic-authentication password (Azure DevOps does not sign), a
/// fresh notification <c>id</c> (the delivery id; Azure DevOps' own retries keep it).</summary>
internal sealed class AzureDevOpsHookSender(HttpClient http, Uri endpoint, string secret, FakeAzureDevOps ado, Func<string> baseUrl)
{
    private const string CommentEvent = "ms.vss-code.git-pullrequest-comment-event";

    private int _updates;

    public async Task<SentDelivery> SendAsync(string eventType, int number, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString();
        var delivery = new SentDelivery(eventType, id, Notification(ado, eventType, number, id, ++_updates, baseUrl()));
        return delivery with { Status = await PostAsync(delivery, cancellationToken) };
    }

    /// <summary>The notification body a Web Hooks subscription sends for the fake's current state of pull request or work
    /// item <paramref name="number"/>, under notification <c>id</c> <paramref name="id"/>.</summary>
    public static byte[] Notification(FakeAzureDevOps ado, string eventType, int number, string id, int notificationId, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(ado);
        lock (ado.Gate)
        {
            var payload = new JsonObject
            {
                ["subscriptionId"] = "9a3c7f0e-52b1-4c8e-a1a4-1f0f3d0b6a11",
                ["notificationId"] = notificationId,
                ["id"] = id,
                ["eventType"] = eventType,
                ["publisherId"] = "tfs",
                ["message"] = new JsonObject { ["text"] = $"{eventType} {number}" },
                ["resource"] = Resource(ado, eventType, number),
                ["resourceVersion"] = "1.0",
                ["resourceContainers"] = new JsonObject { ["project"] = new JsonObject { ["id"] = ado.ProjectId, ["baseUrl"] = baseUrl } },
                ["createdDate"] = "2026-11-16T09:00:00Z",
            };
            return Encoding.UTF8.GetBytes(payload.ToJsonString());
        }
    }

    /// <summary>Posts a notification again exactly as before (Azure DevOps retries keep the notification id).</summary>
    public async Task<SentDelivery> ResendAsync(SentDelivery delivery, CancellationToken cancellationToken) =>
        delivery with { Status = await PostAsync(delivery, cancellationToken) };

    /// <summary>The shared secret as the basic-authentication password, as the subscription sends it.</summary>
    public static AuthenticationHeaderValue Authorization(string secret) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("service-hook:" + secret)));

    private static JsonObject Resource(FakeAzureDevOps ado, string eventType, int number)
    {
        if (eventType.StartsWith("git.pullrequest.", StringComparison.Ordinal))
        {
            return ado.PullRequestJson(ado.PullRequest(number));
        }

        if (eventType == CommentEvent)
        {
            // The "Pull request commented on" resource: the comment (its thread named by its links) and the pull request.
            var pr = ado.PullRequest(number);
            var thread = pr.Threads[^1];
            var json = ado.PullRequestJson(pr);
            var repository = (string?)json["repository"]?["url"];
            return new JsonObject
            {
                ["comment"] = new JsonObject
                {
                    ["id"] = thread.Comments[^1].Id,
                    ["parentCommentId"] = 0,
                    ["content"] = thread.Comments[^1].Content,
                    ["commentType"] = "text",
                    ["_links"] = new JsonObject { ["threads"] = new JsonObject { ["href"] = $"{repository}/pullRequests/{number}/threads/{thread.Id}" } },
                },
                ["pullRequest"] = json,
            };
        }

        var item = ado.WorkItemJson(ado.WorkItems[number]);
        if (eventType == "workitem.commented" && ado.WorkItems[number].Comments is [.., var comment])
        {
            // "Work item commented on": the item at the comment's revision, the comment's text in System.History only.
            item["fields"]!["System.History"] = comment.Text;
        }

        return eventType == "workitem.updated"
            ? new JsonObject
            {
                // An update notification carries the update (its own id) and the item's new revision.
                ["id"] = ado.WorkItems[number].Rev,
                ["workItemId"] = number,
                ["rev"] = ado.WorkItems[number].Rev,
                ["fields"] = new JsonObject { ["System.Tags"] = new JsonObject { ["newValue"] = ado.WorkItems[number].Tags } },
                ["revision"] = item,
                ["url"] = (string?)item["url"] + "/updates/" + ado.WorkItems[number].Rev,
            }
            : item;
    }

    private async Task<(int Code, string Reason)> PostAsync(SentDelivery delivery, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(delivery.Body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Authorization = Authorization(secret);
        using var response = await http.SendAsync(request, cancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }
}
