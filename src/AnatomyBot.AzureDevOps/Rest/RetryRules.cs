using System.Net;
using AnatomyBot.AzureDevOps.Configuration;
using AnatomyBot.Core.Pipeline;
using Polly;
using Polly.Retry;

namespace AnatomyBot.AzureDevOps.Rest;

/// <summary>When the Azure DevOps client retries a request, as a Polly retry strategy: a 429 always (the request was not
/// processed); a 5xx or a network failure only for an idempotent operation (a thread created before a 502 must not be
/// created twice; the delivery is retried from a fresh read instead); at most <see cref="AzureDevOpsOptions.MaxRetries"/>
/// times. Between attempts: an answer's <c>Retry-After</c> is honoured through the <see cref="RateLimitGate"/> (the next
/// attempt waits for it there), a 429 without one holds the gate back for the back-off, anything else backs off inline —
/// 1 s, 2 s, 4 s… capped at 30 s — unless that is longer than <see cref="AzureDevOpsOptions.MaxInlineWaitSeconds"/>, which
/// ends the delivery transiently.</summary>
internal static class RetryRules
{
    public static bool IsThrottledOrFailed(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500;

    /// <summary>1 s, 2 s, 4 s… capped at 30 s, after the failed attempt <paramref name="attempt"/> (0 for the first).</summary>
    public static TimeSpan BackOff(int attempt) => TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, attempt)));

    /// <summary>The strategy, or null when <see cref="AzureDevOpsOptions.MaxRetries"/> is 0 (nothing is retried).</summary>
    public static RetryStrategyOptions<HttpResponseMessage>? Strategy(AzureDevOpsOptions options, RateLimitGate gate)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxRetries == 0)
        {
            return null;
        }

        var maxInlineWait = TimeSpan.FromSeconds(options.MaxInlineWaitSeconds);
        return new RetryStrategyOptions<HttpResponseMessage>
        {
            Name = "AzureDevOpsRetry",
            MaxRetryAttempts = options.MaxRetries,
            ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.GetRequestMessage())),
            DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(Delay(args.Outcome, args.AttemptNumber, gate, maxInlineWait)),
        };
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request)
    {
        var operation = request is not null && request.Options.TryGetValue(ApiOperation.Key, out var known) ? known : null;
        var idempotent = operation?.IsIdempotent ?? request?.Method == HttpMethod.Get;
        return outcome switch
        {
            { Exception: HttpRequestException } => idempotent,
            { Result.StatusCode: HttpStatusCode.TooManyRequests } => true,
            { Result: { } response } when (int)response.StatusCode >= 500 => idempotent,
            _ => false,
        };
    }

    private static TimeSpan Delay(Outcome<HttpResponseMessage> outcome, int attempt, RateLimitGate gate, TimeSpan maxInlineWait)
    {
        if (outcome.Result?.Headers.RetryAfter is not null)
        {
            // The gate observed it and holds the next attempt back until then.
            return TimeSpan.Zero;
        }

        var backOff = BackOff(attempt);
        if (outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests)
        {
            gate.Delay(backOff);
            return TimeSpan.Zero;
        }

        if (backOff > maxInlineWait)
        {
            outcome.Result?.Dispose();
            throw new TransientDeliveryException($"Azure DevOps back-off of {backOff.TotalSeconds:0} s is longer than the inline limit") { RetryAfter = backOff };
        }

        return backOff;
    }
}
