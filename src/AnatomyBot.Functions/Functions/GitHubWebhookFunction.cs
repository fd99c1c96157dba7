using AnatomyBot.Core.Pipeline;
using AnatomyBot.Hosting.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace AnatomyBot.Functions.Functions;

/// <summary><c>POST /api/github/webhooks</c>: verify the signature, store, queue, 202. No GitHub API call on this path.</summary>
public sealed class GitHubWebhookFunction(WebhookReceiver receiver)
{
    [Function("GitHubWebhook")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "github/webhooks")] HttpRequest request,
        CancellationToken cancellationToken) =>
        (await receiver.ReceiveAsync(Platforms.GitHub, request, cancellationToken)).ToResult(request);
}
