using System.Runtime;

namespace AnatomyBot.Cli.Commands.Check;

/// <summary>Lets a large <c>check</c> allocate up to <see cref="Budget"/> without a garbage collection: nearly all it
/// allocates lives until the report is written (each item's prepared form, then its evaluation), so a collection in the
/// middle frees little and copies everything it keeps, on one core while the others wait (on 100,000 items, natively,
/// one collection of about 0.1 s at the start of evaluating). Past the budget, collections resume as usual, so memory
/// stays bounded; where the runtime refuses (a region already open in this process), nothing changes.</summary>
internal sealed class NoCollectionRegion : IDisposable
{
    /// <summary>What may be allocated without a collection: about what <c>check</c> allocates on 100,000 items.</summary>
    public const long Budget = 256L << 20;

    /// <summary>Backlogs smaller than this start no region: starting one collects once, which a small run does not repay.</summary>
    public const long MinBacklogBytes = 16L << 20;

    private readonly bool _started;

    private NoCollectionRegion(bool started) => _started = started;

    /// <summary>A region for a run reading <paramref name="backlogBytes"/> of backlog files; none below <see cref="MinBacklogBytes"/>.</summary>
    public static NoCollectionRegion For(long backlogBytes)
    {
        if (backlogBytes < MinBacklogBytes)
        {
            return new NoCollectionRegion(false);
        }

        try
        {
            return new NoCollectionRegion(GC.TryStartNoGCRegion(Budget));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentOutOfRangeException)
        {
            return new NoCollectionRegion(false);
        }
    }

    /// <summary>Ends the region if this started it and it is still open (it ends by itself once the budget is spent).</summary>
    public void Dispose()
    {
        if (!_started || GCSettings.LatencyMode != GCLatencyMode.NoGCRegion)
        {
            return;
        }

        try
        {
            GC.EndNoGCRegion();
        }
        catch (InvalidOperationException)
        {
            // Ended meanwhile by a collection: nothing to end.
        }
    }
}
