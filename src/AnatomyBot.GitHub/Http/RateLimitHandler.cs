using System.Net;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.GitHub.Configuration;
using Microsoft.Extensions.Options;

namespace AnatomyBot.GitHub.Http;

/// <summary>Honours GitHub's rate limits: on 403/429 with <c>retry-after</c>, or with <c>x-ratelimit-remaining: 0</c> and
/// <c>x-ratelimit-reset</c>, waits in place when the wait is short (once), and otherwise throws
/// <see cref="TransientDeliveryException"/> with <c>RetryAfter</c> so the queue retries the delivery later.
/// A 403 without those headers is a permission problem and passes through. The longest inline wait is
/// <see cref="GitHubOptions.MaxInlineRetryWait"/>, or a request's own <see cref="MaxInlineWait"/>.</summary>
internal sealed class RateLimitHandler(IOptions<GitHubOptions> options, TimeProvider time) : DelegatingHandler
{
    /// <summary>A request's own longest inline wait (an anatomy read on behalf of another channel uses that channel's).</summary>
    public static readonly HttpRequestOptionsKey<TimeSpan> MaxInlineWait = new("AnatomyBot.GitHub.MaxInlineWait");

    /// <summary>GitHub's advice for secondary limits without a <c>retry-after</c>: wait at least a minute.</summary>
    private static readonly TimeSpan SecondaryLimitWait = TimeSpan.FromMinutes(1);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var wait = RetryWait(response, time.GetUtcNow());
        if (wait is null)
        {
            return response;
        }

        var maxInlineWait = request.Options.TryGetValue(MaxInlineWait, out var own) ? own : options.Value.MaxInlineRetryWait;
        if (wait.Value > maxInlineWait || request.Content is not null)
        {
            // A request with a body cannot be resent safely from here (its content is consumed); let the delivery retry.
            response.Dispose();
            throw new TransientDeliveryException($"GitHub rate limit on {request.Method} {request.RequestUri?.AbsolutePath}; retry after {wait.Value}")
            {
                RetryAfter = wait,
            };
        }

        response.Dispose();
        await Task.Delay(wait.Value, time, cancellationToken).ConfigureAwait(false);
        var retried = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var again = RetryWait(retried, time.GetUtcNow());
        if (again is null)
        {
            return retried;
        }

        retried.Dispose();
        throw new TransientDeliveryException($"GitHub rate limit persists on {request.Method} {request.RequestUri?.AbsolutePath}")
        {
            RetryAfter = again,
        };
    }

    /// <summary>How long GitHub asks us to wait, or null when the response is not a rate-limit answer.</summary>
    internal static TimeSpan? RetryWait(HttpResponseMessage response, DateTimeOffset now)
    {
        if (response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests))
        {
            return null;
        }

        if (response.Headers.RetryAfter is { } retryAfter)
        {
            var delta = retryAfter.Delta ?? (retryAfter.Date - now);
            return delta is { } d && d > TimeSpan.Zero ? d : TimeSpan.Zero;
        }

        if (Header(response, "x-ratelimit-remaining") == "0" && long.TryParse(Header(response, "x-ratelimit-reset"), out var reset))
        {
            var until = DateTimeOffset.FromUnixTimeSeconds(reset) - now;
            return until > TimeSpan.Zero ? until + TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(1);
        }

        return response.StatusCode == HttpStatusCode.TooManyRequests ? SecondaryLimitWait : null;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
