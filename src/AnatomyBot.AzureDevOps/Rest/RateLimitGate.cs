using System.Globalization;
using System.Net.Http.Headers;
using AnatomyBot.Core.Pipeline;

namespace AnatomyBot.AzureDevOps.Rest;

/// <summary>Shared by every request of the process, so the bot slows down as a whole when Azure DevOps asks it to:
/// <c>Retry-After</c> (on a 429 or on a delayed success) and an exhausted <c>X-RateLimit-Remaining</c> with its
/// <c>X-RateLimit-Reset</c> (Unix seconds) push back the earliest time of the next request.</summary>
public sealed class RateLimitGate(TimeProvider timeProvider)
{
    private readonly Lock _lock = new();
    private DateTimeOffset _notBefore = DateTimeOffset.MinValue;

    public DateTimeOffset NotBefore
    {
        get
        {
            lock (_lock)
            {
                return _notBefore;
            }
        }
    }

    /// <summary>How long requests are still held back, or null when they may go out now.</summary>
    public TimeSpan? HeldFor => NotBefore - timeProvider.GetUtcNow() is { } wait && wait > TimeSpan.Zero ? wait : null;

    /// <summary>Waits until requests may go out again; when that is further away than <paramref name="maxInlineWait"/>
    /// the delivery gives up now with <see cref="TransientDeliveryException"/> so the queue retries it later.</summary>
    public async Task WaitAsync(TimeSpan maxInlineWait, CancellationToken cancellationToken)
    {
        var wait = NotBefore - timeProvider.GetUtcNow();
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        if (wait > maxInlineWait)
        {
            throw new TransientDeliveryException($"Azure DevOps asked the bot to wait {wait.TotalSeconds:0} s") { RetryAfter = wait };
        }

        await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the throttling headers of a response; returns the <c>Retry-After</c> it carried, if any.</summary>
    public TimeSpan? Observe(HttpResponseHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var now = timeProvider.GetUtcNow();
        var retryAfter = RetryAfter(headers, now);
        if (retryAfter is { } delay)
        {
            Push(now + delay);
        }

        if (TryReadNumber(headers, "X-RateLimit-Remaining", out var remaining) && remaining <= 0
            && TryReadNumber(headers, "X-RateLimit-Reset", out var reset))
        {
            Push(DateTimeOffset.FromUnixTimeSeconds((long)reset));
        }

        return retryAfter;
    }

    /// <summary>Holds every request back for <paramref name="delay"/> (back-off after a 429 without <c>Retry-After</c>).</summary>
    public void Delay(TimeSpan delay) => Push(timeProvider.GetUtcNow() + delay);

    private void Push(DateTimeOffset notBefore)
    {
        lock (_lock)
        {
            if (notBefore > _notBefore)
            {
                _notBefore = notBefore;
            }
        }
    }

    /// <summary>The wait a response's <c>Retry-After</c> asks for at <paramref name="now"/> (never negative), or null without one.</summary>
    public static TimeSpan? RetryAfter(HttpResponseHeaders headers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (headers.RetryAfter is not { } value)
        {
            return null;
        }

        var delay = value.Delta ?? (value.Date is { } date ? date - now : TimeSpan.Zero);
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }

    private static bool TryReadNumber(HttpResponseHeaders headers, string name, out double value)
    {
        value = 0;
        return headers.TryGetValues(name, out var values)
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
