using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text;
using AnatomyBot.Fakes.GitHub;

namespace AnatomyBot.Cli.Demo;

/// <summary>Sends GitHub webhooks as GitHub does: the event's payload built from the fake's current state, signed with
/// HMAC-SHA256 of the raw body in <c>X-Hub-Signature-256</c>, with <c>X-GitHub-Event</c> and a fresh <c>X-GitHub-Delivery</c>.</summary>
internal sealed class GitHubWebhookSender(HttpClient http, Uri endpoint, string secret, FakeGitHub hub, Func<string> apiBaseUrl)
{
    public async Task<SentDelivery> SendAsync(string eventName, string action, FakeGitHubRepository repo, int number, CancellationToken cancellationToken)
    {
        JsonObject payload;
        lock (hub.Gate)
        {
            var item = repo.Issues[number];
            payload = new JsonObject { ["action"] = action };
            if (item.IsPullRequest && eventName == "pull_request")
            {
                payload["number"] = number;
                payload["pull_request"] = FakeGitHubJson.PullRequest(apiBaseUrl(), repo, item);
            }
            else
            {
                payload["issue"] = FakeGitHubJson.Issue(apiBaseUrl(), repo, item);
            }

            var author = item.Author;
            if (eventName == "issue_comment")
            {
                var comment = item.Comments[^1];
                payload["comment"] = FakeGitHubJson.Comment(apiBaseUrl(), repo, item, comment);
                author = comment.Author;
            }

            payload["repository"] = FakeGitHubJson.Repository(apiBaseUrl(), repo);
            payload["sender"] = FakeGitHubJson.User(apiBaseUrl(), author);
        }

        var delivery = new SentDelivery(eventName, Guid.NewGuid().ToString(), Encoding.UTF8.GetBytes(payload.ToJsonString()));
        return delivery with { Status = await PostAsync(delivery, cancellationToken) };
    }

    /// <summary>Posts a delivery again exactly as before (GitHub's redelivery keeps the delivery id).</summary>
    public async Task<SentDelivery> ResendAsync(SentDelivery delivery, CancellationToken cancellationToken) =>
        delivery with { Status = await PostAsync(delivery, cancellationToken) };

    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    private async Task<(int Code, string Reason)> PostAsync(SentDelivery delivery, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(delivery.Body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.UserAgent.ParseAdd("GitHub-Hookshot/anatomybot-demo");
        request.Headers.Add("X-GitHub-Event", delivery.EventName);
        request.Headers.Add("X-GitHub-Delivery", delivery.Id);
        request.Headers.Add("X-Hub-Signature-256", Sign(secret, delivery.Body));
        using var response = await http.SendAsync(request, cancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }
}

internal sealed record SentDelivery(string EventName, string Id, byte[] Body)
{
    public (int Code, string Reason) Status { get; init; }
}
