using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace AnatomyBot.Functions.Functions;

/// <summary><c>GET /api/healthz</c>, anonymous: 200 <c>ok</c> while the worker runs (for availability tests and load
/// balancers). It touches no storage and no platform, so it says nothing secret and costs nothing.</summary>
public sealed class HealthFunction
{
    [Function("Healthz")]
    public static IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "healthz")] HttpRequest request) =>
        new ContentResult { Content = "ok", ContentType = "text/plain; charset=utf-8", StatusCode = StatusCodes.Status200OK };
}
