using Microsoft.Extensions.Time.Testing;

namespace AnatomyBot.Hosting.Tests.Support;

/// <summary>A fake clock that also tells when code under test starts waiting on it (creates a timer: <c>Task.Delay</c>,
/// <c>PeriodicTimer</c>), so a test advances time only once the wait it means to end exists — no real-time sleeps.</summary>
internal sealed class ObservedTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Lock _gate = new();
    private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];
    private readonly List<(TimeSpan DueTime, TimeSpan Period)> _timers = [];
    private int _created;

    public int TimersCreated => Volatile.Read(ref _created);

    /// <summary>The due time and period of every timer created so far, in order.</summary>
    public IReadOnlyList<(TimeSpan DueTime, TimeSpan Period)> Timers
    {
        get
        {
            lock (_gate)
            {
                return [.. _timers];
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        lock (_gate)
        {
            _created++;
            _timers.Add((dueTime, period));
            foreach (var waiter in _waiters.Where(w => w.Count <= _created).ToList())
            {
                waiter.Reached.TrySetResult();
                _waiters.Remove(waiter);
            }
        }

        return timer;
    }

    /// <summary>Completes once <paramref name="count"/> timers have been created in all (fails the test at the deadline).</summary>
    public Task TimersCreatedAsync(int count)
    {
        lock (_gate)
        {
            if (_created >= count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, reached));
            return reached.Task.Within();
        }
    }
}
