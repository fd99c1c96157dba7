using AnatomyBot.Core.Pipeline;

namespace AnatomyBot.AzureDevOps.Tests.Fakes;

/// <summary>The host's queue as the channel sees it: records what the channel queues (re-evaluations after an anatomy change).</summary>
internal sealed class RecordingScheduler : IDeliveryScheduler
{
    public List<(Delivery Delivery, TimeSpan Delay)> Queued { get; } = [];

    public Task EnqueueAsync(Delivery delivery, TimeSpan delay, CancellationToken cancellationToken)
    {
        lock (Queued)
        {
            Queued.Add((delivery, delay));
        }

        return Task.CompletedTask;
    }

    public Task PoisonAsync(Delivery delivery, string reason, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("the channel never poisons a delivery itself");
}
