using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace AnatomyBot.AzureDevOps.Tests.Rest;

/// <summary>A <see cref="FakeTimeProvider"/> that moves itself forward by each timer's due time as soon as the timer is
/// made, and records those waits: back-off and <c>Retry-After</c> waits are observable, and nothing waits in real time.
/// Only for code whose every timer is a wait to sit out (the Azure DevOps client has no timeouts on this clock).</summary>
internal sealed class SteppingTimeProvider() : FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero))
{
    private readonly ConcurrentQueue<TimeSpan> _waits = new();

    public IReadOnlyList<TimeSpan> Waits => [.. _waits];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            _waits.Enqueue(dueTime);
            ThreadPool.QueueUserWorkItem(_ => Advance(dueTime));
        }

        return timer;
    }
}
