using System.Threading.Channels;
using AnatomyBot.Core.Pipeline;

namespace AnatomyBot.Hosting.Inbox;

/// <summary>The local queue of <c>serve</c>, <c>replay</c> and <c>demo</c>. Durability comes from the delivery ledger, whose
/// Received and Failed rows ARE the inbox (the worker reloads them on start); this class only wakes the worker and holds
/// retries until their delay has passed. Poison needs no queue of its own: the ledger row is marked Poison.</summary>
public sealed class LocalInbox(TimeProvider time) : IDeliveryScheduler
{
    private readonly Channel<Delivery> _channel = Channel.CreateUnbounded<Delivery>(new UnboundedChannelOptions { SingleWriter = false });
    private readonly Lock _gate = new();
    private int _pending;
    private TaskCompletionSource _idle = NewIdle(completed: true);

    internal ChannelReader<Delivery> Reader => _channel.Reader;

    /// <summary>Deliveries queued or delayed and not yet finished.</summary>
    public int Pending => Volatile.Read(ref _pending);

    public Task EnqueueAsync(Delivery delivery, TimeSpan delay, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_pending++ == 0)
            {
                _idle = NewIdle(completed: false);
            }
        }

        if (delay <= TimeSpan.Zero)
        {
            return _channel.Writer.WriteAsync(delivery, cancellationToken).AsTask();
        }

        _ = WriteLaterAsync(delivery, delay);
        return Task.CompletedTask;
    }

    public Task PoisonAsync(Delivery delivery, string reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Completes when every queued and delayed delivery has been processed.</summary>
    public Task WaitIdleAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _idle.Task.WaitAsync(cancellationToken);
        }
    }

    internal void Completed()
    {
        lock (_gate)
        {
            if (--_pending == 0)
            {
                _idle.TrySetResult();
            }
        }
    }

    internal void Close() => _channel.Writer.TryComplete();

    private async Task WriteLaterAsync(Delivery delivery, TimeSpan delay)
    {
        await Task.Delay(delay, time);
        await _channel.Writer.WriteAsync(delivery);
    }

    private static TaskCompletionSource NewIdle(bool completed)
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed)
        {
            source.SetResult();
        }

        return source;
    }
}
