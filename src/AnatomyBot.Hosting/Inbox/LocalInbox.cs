using System.Threading.Channels;
using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Links;
using AnatomyBot.Core.Pipeline;

namespace AnatomyBot.Hosting.Inbox;

/// <summary>The local queue of <c>serve</c>, <c>replay</c> and <c>demo</c>. Durability comes from the delivery ledger, whose
/// Received and Failed rows ARE the inbox (the worker reloads them on start); this class only wakes the worker and holds
/// retries until their delay has passed. It queues <see cref="InboxEntry"/> keys, not bodies. Poison needs no queue of its
/// own: the ledger row is marked Poison. A delivery the bot queues itself (sweep, anatomy change, re-check) is stored in
/// the ledger first, as the receiver stores a webhook's.</summary>
public sealed class LocalInbox(TimeProvider time, IDeliveryLedger? deliveries = null) : IDeliveryScheduler
{
    private readonly Channel<InboxEntry> _channel = Channel.CreateUnbounded<InboxEntry>(new UnboundedChannelOptions { SingleWriter = false });
    private readonly Lock _gate = new();
    private int _pending;
    private readonly List<(int Count, TaskCompletionSource Reached)> _drains = [];
    private TaskCompletionSource _idle = NewIdle(completed: true);

    internal ChannelReader<InboxEntry> Reader => _channel.Reader;

    /// <summary>Deliveries queued or delayed and not yet finished.</summary>
    public int Pending => Volatile.Read(ref _pending);

    /// <summary>Queues a delivery the ledger holds (the receiver and the processor store it first; the bot's own deliveries
    /// are stored here).</summary>
    public async Task EnqueueAsync(Delivery delivery, TimeSpan delay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (deliveries is not null && delivery.Attempts == 0 && LinkRechecks.IsOwn(delivery))
        {
            await deliveries.TryAddAsync(delivery, cancellationToken);
        }

        await EnqueueAsync(new InboxEntry(delivery.Platform, delivery.Id, delivery.Attempts), delay, cancellationToken);
    }

    internal Task EnqueueAsync(InboxEntry entry, TimeSpan delay, CancellationToken cancellationToken)
    {
        Hold();
        if (delay <= TimeSpan.Zero)
        {
            return _channel.Writer.WriteAsync(entry, cancellationToken).AsTask();
        }

        _ = WriteLaterAsync(entry, delay);
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

    /// <summary>Counts work that will queue deliveries later (the reload on start) as pending, so <see cref="WaitIdleAsync"/>
    /// waits for it too; <see cref="Completed"/> ends it.</summary>
    internal void Hold()
    {
        lock (_gate)
        {
            if (_pending++ == 0)
            {
                _idle = NewIdle(completed: false);
            }
        }
    }

    /// <summary>Completes once at most <paramref name="count"/> deliveries are pending (a reload queues its next page then).</summary>
    internal Task WaitPendingAtMostAsync(int count, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_pending <= count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _drains.Add((count, reached));
            return reached.Task.WaitAsync(cancellationToken);
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

            for (var i = _drains.Count - 1; i >= 0; i--)
            {
                if (_pending <= _drains[i].Count)
                {
                    _drains[i].Reached.TrySetResult();
                    _drains.RemoveAt(i);
                }
            }
        }
    }

    internal void Close() => _channel.Writer.TryComplete();

    private async Task WriteLaterAsync(InboxEntry entry, TimeSpan delay)
    {
        await Task.Delay(delay, time);
        await _channel.Writer.WriteAsync(entry);
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
