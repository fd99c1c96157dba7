using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.Core.Linkage;

/// <summary>The layers a set of elements reaches, a bit each.</summary>
internal readonly record struct LayerSet(int Bits)
{
    public static LayerSet Of(int[] elements, AnatomyIndex index)
    {
        var bits = 0;
        foreach (var element in elements)
        {
            bits |= 1 << (int)index.Elements[element].Layer;
        }

        return new LayerSet(bits);
    }

    public bool Contains(Layer layer) => (Bits & (1 << (int)layer)) != 0;
}
