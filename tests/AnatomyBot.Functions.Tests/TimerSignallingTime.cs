using Microsoft.Extensions.Time.Testing;

namespace AnatomyBot.Functions.Tests;

/// <summary>Fake time that tells when code under test starts waiting on it (creates a timer).</summary>
internal sealed class TimerSignallingTime : FakeTimeProvider
{
    private readonly TaskCompletionSource _timerCreated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task TimerCreated => _timerCreated.Task;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _timerCreated.TrySetResult();
        return timer;
    }
}
