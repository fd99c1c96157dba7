using System.Collections.Concurrent;
using AnatomyBot.Core.Pipeline;

namespace AnatomyBot.GitHub.Tests.Harness;

/// <summary>A scheduler that only records what was queued (the channel's own fan-out), for the test to process.</summary>
public sealed class RecordingScheduler : IDeliveryScheduler
{
    public ConcurrentQueue<Delivery> Queued { get; } = new();

    public Task EnqueueAsync(Delivery delivery, TimeSpan delay, CancellationToken cancellationToken)
    {
        Queued.Enqueue(delivery);
        return Task.CompletedTask;
    }

    public Task PoisonAsync(Delivery delivery, string reason, CancellationToken cancellationToken) => Task.CompletedTask;
}
