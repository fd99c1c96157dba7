using System.Collections.Concurrent;
using AnatomyBot.Core.Pipeline;

namespace AnatomyBot.Hosting.Tests.Support;

/// <summary>A scheduler that keeps what it was asked to queue or park, in order.</summary>
internal sealed class RecordingScheduler : IDeliveryScheduler
{
    private readonly ConcurrentQueue<(Delivery Delivery, TimeSpan Delay)> _queued = new();
    private readonly ConcurrentQueue<(Delivery Delivery, string Reason)> _poisoned = new();

    /// <summary>Runs before a delivery is recorded as queued (to look at the ledger at that moment).</summary>
    public Func<Delivery, Task>? OnEnqueue { get; init; }

    public IReadOnlyList<(Delivery Delivery, TimeSpan Delay)> Queued => [.. _queued];

    public IReadOnlyList<(Delivery Delivery, string Reason)> Poisoned => [.. _poisoned];

    public async Task EnqueueAsync(Delivery delivery, TimeSpan delay, CancellationToken cancellationToken)
    {
        if (OnEnqueue is not null)
        {
            await OnEnqueue(delivery);
        }

        _queued.Enqueue((delivery, delay));
    }

    public Task PoisonAsync(Delivery delivery, string reason, CancellationToken cancellationToken)
    {
        _poisoned.Enqueue((delivery, reason));
        return Task.CompletedTask;
    }
}
