using System.Globalization;
using System.Net;
using AnatomyBot.AzureDevOps.Configuration;
using AnatomyBot.Core.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnatomyBot.AzureDevOps.Rest;

/// <summary>Each attempt of a request, inside the retry pipeline (<see cref="RetryRules"/>): waits for the shared
/// <see cref="RateLimitGate"/> (a wait longer than <see cref="AzureDevOpsOptions.MaxInlineWaitSeconds"/> ends the
/// delivery transiently), counts the call into <see cref="ApiCallTally.Current"/> and <see cref="AnatomyBotTelemetry"/> (with the <c>X-RateLimit-Remaining</c> quota when Azure DevOps sends it), feeds the answer's throttling headers to
/// the gate, and numbers the attempts on the request for <see cref="TransientFailureHandler"/>.</summary>
public sealed partial class AttemptHandler(RateLimitGate gate, IOptions<AzureDevOpsOptions> options, ILogger<AttemptHandler> logger, AnatomyBotTelemetry telemetry) : DelegatingHandler
{
    /// <summary>How many attempts of the request have been made so far.</summary>
    internal static readonly HttpRequestOptionsKey<int> Attempts = new("AnatomyBot.AzureDevOps.Attempts");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Options.TryGetValue(ApiOperation.Key, out var operation);
        var attempt = request.Options.TryGetValue(Attempts, out var made) ? made + 1 : 1;
        request.Options.Set(Attempts, attempt);
        await gate.WaitAsync(TimeSpan.FromSeconds(options.Value.MaxInlineWaitSeconds), cancellationToken).ConfigureAwait(false);
        var isWrite = operation?.IsWrite ?? request.Method != HttpMethod.Get;
        ApiCallTally.Current?.Record(isWrite);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        gate.Observe(response.Headers);
        telemetry.ApiCall(Platforms.AzureDevOps, isWrite, response.StatusCode == HttpStatusCode.NotModified);
        if (response.Headers.TryGetValues("X-RateLimit-Remaining", out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var remaining))
        {
            telemetry.QuotaRemaining(Platforms.AzureDevOps, remaining);
        }

        if (RetryRules.IsThrottledOrFailed(response))
        {
            Log.Throttled(logger, operation?.ToString() ?? request.Method.Method, (int)response.StatusCode, attempt);
        }

        return response;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5200, Level = LogLevel.Warning, Message = "Azure DevOps {Operation} answered {StatusCode} (attempt {Attempt})")]
        public static partial void Throttled(ILogger logger, string operation, int statusCode, int attempt);
    }
}
