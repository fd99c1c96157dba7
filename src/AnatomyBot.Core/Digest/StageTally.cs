using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.Core.Digest;

/// <summary>Running counts for one stage while items stream past.</summary>
internal sealed class StageTally
{
    public int Items { get; private set; }

    public int[] ByLayer { get; } = new int[5];

    public int OpenGaps { get; private set; }

    public int FullyLinked { get; private set; }

    /// <summary>Counts an item with its gaps; the gaps of a closed item (a pull request merged this week) closed with it,
    /// so they count against its being fully linked but not as open gaps.</summary>
    public void Add(Layer layer, int gaps, bool isOpen)
    {
        Items++;
        ByLayer[(int)layer]++;
        OpenGaps += isOpen ? gaps : 0;
        if (gaps == 0)
        {
            FullyLinked++;
        }
    }

    public StageDigest ToDigest(string id, string name) => new(id, name, Items, [.. ByLayer], OpenGaps, FullyLinked);
}
