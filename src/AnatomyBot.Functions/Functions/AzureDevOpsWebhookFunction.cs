using AnatomyBot.Core.Pipeline;
using AnatomyBot.Hosting.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace AnatomyBot.Functions.Functions;

/// <summary><c>POST /api/azure-devops/webhooks</c>: check the service hook's secret, store, queue, 202. No Azure DevOps
/// API call on this path.</summary>
public sealed class AzureDevOpsWebhookFunction(WebhookReceiver receiver)
{
    [Function("AzureDevOpsWebhook")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "azure-devops/webhooks")] HttpRequest request,
        CancellationToken cancellationToken) =>
        (await receiver.ReceiveAsync(Platforms.AzureDevOps, request, cancellationToken)).ToResult(request);
}
