using AnatomyBot.Core.Pipeline;

namespace AnatomyBot.AzureDevOps.Rest;

/// <summary>Outside the retry pipeline: what is left when retrying stopped — a 429 or 5xx answer, or a network failure —
/// ends the delivery with <see cref="TransientDeliveryException"/> (carrying the answer's <c>Retry-After</c>) so the queue
/// retries it later from a fresh read.</summary>
public sealed class TransientFailureHandler(TimeProvider timeProvider) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Options.TryGetValue(ApiOperation.Key, out var operation);
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw new TransientDeliveryException($"Azure DevOps {operation} failed: {exception.Message}", exception);
        }

        if (!RetryRules.IsThrottledOrFailed(response))
        {
            return response;
        }

        var attempts = request.Options.TryGetValue(AttemptHandler.Attempts, out var made) ? made : 1;
        var retryAfter = RateLimitGate.RetryAfter(response.Headers, timeProvider.GetUtcNow());
        var status = (int)response.StatusCode;
        response.Dispose();
        throw new TransientDeliveryException($"Azure DevOps {operation} answered {status} after {attempts} attempt(s)") { RetryAfter = retryAfter };
    }
}
