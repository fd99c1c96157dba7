using AnatomyBot.Hosting.Webhooks;
using Microsoft.AspNetCore.Mvc;

namespace AnatomyBot.Functions.Functions;

internal static class WebhookResults
{
    public static IActionResult ToResult(this WebhookReceipt receipt) =>
        new ContentResult { StatusCode = receipt.StatusCode, Content = receipt.Reason, ContentType = "text/plain; charset=utf-8" };
}
