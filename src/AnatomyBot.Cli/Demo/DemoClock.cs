namespace AnatomyBot.Cli.Demo;

/// <summary>The demo's clock: real time shifted onto the scripted week, so the ledger and the digest show the week's days
/// while timers, timeouts and back-offs keep running on the real clock.</summary>
internal sealed class DemoClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Set(DateTimeOffset at) => Interlocked.Exchange(ref _offsetTicks, (at - System.GetUtcNow()).Ticks);
}
