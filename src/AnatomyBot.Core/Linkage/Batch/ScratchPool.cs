using System.Collections.Concurrent;

namespace AnatomyBot.Core.Linkage.Batch;

/// <summary>Hands out the scratch of a worker and takes it back after the worker's items, so that an engine makes one per
/// concurrent worker and reuses it across batches.</summary>
internal sealed class ScratchPool(AnatomyIndex index)
{
    private readonly ConcurrentBag<ItemScratch> _free = [];

    public ItemScratch Rent() => _free.TryTake(out var scratch) ? scratch : new ItemScratch(index);

    public void Return(ItemScratch scratch) => _free.Add(scratch);
}
