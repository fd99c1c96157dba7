using System.Globalization;
using AnatomyBot.Hosting.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace AnatomyBot.Functions.Functions;

internal static class WebhookResults
{
    public static IActionResult ToResult(this WebhookReceipt receipt, HttpRequest request)
    {
        if (receipt.RetryAfter is { } wait)
        {
            request.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        return new ContentResult { StatusCode = receipt.StatusCode, Content = receipt.Reason, ContentType = "text/plain; charset=utf-8" };
    }
}
