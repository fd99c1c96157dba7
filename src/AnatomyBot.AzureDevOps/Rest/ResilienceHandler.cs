using System.Net;
using AnatomyBot.AzureDevOps.Configuration;
using AnatomyBot.Core.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnatomyBot.AzureDevOps.Rest;

/// <summary>Counts every attempt, honours the shared <see cref="RateLimitGate"/>, retries 429 (always safe: the request
/// was not processed) and 5xx / network failures (only for idempotent operations: a thread created before a 502 must not
/// be created twice; the delivery is retried from a fresh read instead) with exponential back-off, and turns waits longer
/// than <see cref="AzureDevOpsOptions.MaxInlineWaitSeconds"/> or an exhausted budget into
/// <see cref="TransientDeliveryException"/>.</summary>
public sealed partial class ResilienceHandler(
    RateLimitGate gate,
    TimeProvider timeProvider,
    IOptions<AzureDevOpsOptions> options,
    ILogger<ResilienceHandler> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Options.TryGetValue(ApiOperation.Key, out var operation);
        var idempotent = operation?.IsIdempotent ?? request.Method == HttpMethod.Get;
        var maxInlineWait = TimeSpan.FromSeconds(options.Value.MaxInlineWaitSeconds);
        var maxRetries = options.Value.MaxRetries;
        for (var attempt = 0; ; attempt++)
        {
            await gate.WaitAsync(maxInlineWait, cancellationToken).ConfigureAwait(false);
            ApiCallTally.Current?.Record(operation?.IsWrite ?? request.Method != HttpMethod.Get);
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException exception)
            {
                if (!idempotent || attempt >= maxRetries)
                {
                    throw new TransientDeliveryException($"Azure DevOps {operation} failed: {exception.Message}", exception);
                }

                await BackOffAsync(attempt, maxInlineWait, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var retryAfter = gate.Observe(response.Headers);
            var status = (int)response.StatusCode;
            if (response.StatusCode != HttpStatusCode.TooManyRequests && status < 500)
            {
                return response;
            }

            response.Dispose();
            Log.Throttled(logger, operation?.ToString() ?? request.Method.Method, status, attempt + 1);
            if (attempt >= maxRetries || (status >= 500 && !idempotent))
            {
                throw new TransientDeliveryException($"Azure DevOps {operation} answered {status} after {attempt + 1} attempt(s)")
                {
                    RetryAfter = retryAfter,
                };
            }

            if (response.StatusCode == HttpStatusCode.TooManyRequests && retryAfter is null)
            {
                gate.Delay(BackOff(attempt));
            }
            else if (retryAfter is null)
            {
                await BackOffAsync(attempt, maxInlineWait, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>1 s, 2 s, 4 s… capped at 30 s.</summary>
    internal static TimeSpan BackOff(int attempt) => TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, attempt)));

    private async Task BackOffAsync(int attempt, TimeSpan maxInlineWait, CancellationToken cancellationToken)
    {
        var delay = BackOff(attempt);
        if (delay > maxInlineWait)
        {
            throw new TransientDeliveryException($"Azure DevOps back-off of {delay.TotalSeconds:0} s is longer than the inline limit") { RetryAfter = delay };
        }

        await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5200, Level = LogLevel.Warning, Message = "Azure DevOps {Operation} answered {StatusCode} (attempt {Attempt})")]
        public static partial void Throttled(ILogger logger, string operation, int statusCode, int attempt);
    }
}
