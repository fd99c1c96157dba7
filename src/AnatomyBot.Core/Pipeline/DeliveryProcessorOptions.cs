using System.ComponentModel.DataAnnotations;

namespace AnatomyBot.Core.Pipeline;

/// <summary>Retry budget of the processor. Configuration section <c>Pipeline</c>.</summary>
public sealed class DeliveryProcessorOptions
{
    public const string SectionName = "Pipeline";

    /// <summary>Attempts before a delivery is parked as poison (the first attempt counts).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Back-off before the second attempt when the platform gave no <c>Retry-After</c>; doubles each attempt.</summary>
    [TimeSpanRange("00:00:00", "01:00:00")]
    public TimeSpan BaseRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Upper bound of any delay, including a platform's <c>Retry-After</c>.</summary>
    [TimeSpanRange("00:00:00", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Most API calls one delivery may make while reading what an item references; when it is spent the item
    /// gets a neutral check and a comment saying so, never a partial verdict.</summary>
    [Range(10, 100_000)]
    public int MaxApiCallsPerDelivery { get; set; } = 200;

    /// <summary>The delay before attempt number <paramref name="failedAttempts"/> + 1.</summary>
    public TimeSpan RetryDelay(int failedAttempts, TimeSpan? retryAfter)
    {
        var backoff = retryAfter ?? TimeSpan.FromTicks(BaseRetryDelay.Ticks * (1L << Math.Clamp(failedAttempts - 1, 0, 20)));
        return backoff < TimeSpan.Zero ? TimeSpan.Zero : backoff > MaxRetryDelay ? MaxRetryDelay : backoff;
    }
}
