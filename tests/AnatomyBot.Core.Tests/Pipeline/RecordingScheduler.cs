using AnatomyBot.Core.Pipeline;

namespace AnatomyBot.Core.Tests.Pipeline;

internal sealed class RecordingScheduler : IDeliveryScheduler
{
    public List<(Delivery Delivery, TimeSpan Delay)> Enqueued { get; } = [];

    public List<(Delivery Delivery, string Reason)> Poisoned { get; } = [];

    public Task EnqueueAsync(Delivery delivery, TimeSpan delay, CancellationToken cancellationToken)
    {
        Enqueued.Add((delivery, delay));
        return Task.CompletedTask;
    }

    public Task PoisonAsync(Delivery delivery, string reason, CancellationToken cancellationToken)
    {
        Poisoned.Add((delivery, reason));
        return Task.CompletedTask;
    }
}
