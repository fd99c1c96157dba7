using System.Collections.Concurrent;

namespace AnatomyBot.Core.Linkage.Batch;

/// <summary>Runs the same step over every item of a batch: on the calling thread for a small batch, else in parallel
/// over ranges of items. Each worker rents one scratch for all its items.</summary>
internal static class Workers
{
    /// <summary>Below this many items, starting workers costs more than it saves.</summary>
    private const int ParallelThreshold = 2048;

    private const int RangeSize = 1024;

    public static void For(int count, ScratchPool pool, Action<int, ItemScratch> step)
    {
        if (count < ParallelThreshold)
        {
            var scratch = pool.Rent();
            for (var i = 0; i < count; i++)
            {
                step(i, scratch);
            }

            pool.Return(scratch);
            return;
        }

        Parallel.ForEach(Partitioner.Create(0, count, RangeSize), pool.Rent, (range, _, scratch) =>
        {
            for (var i = range.Item1; i < range.Item2; i++)
            {
                step(i, scratch);
            }

            return scratch;
        }, pool.Return);
    }
}
