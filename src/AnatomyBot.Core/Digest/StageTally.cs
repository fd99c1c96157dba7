using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.Core.Digest;

/// <summary>Running counts for one stage while items stream past.</summary>
internal sealed class StageTally
{
    public int Items { get; private set; }

    public int[] ByLayer { get; } = new int[5];

    public int OpenGaps { get; private set; }

    public int FullyLinked { get; private set; }

    public void Add(Layer layer, int gaps)
    {
        Items++;
        ByLayer[(int)layer]++;
        OpenGaps += gaps;
        if (gaps == 0)
        {
            FullyLinked++;
        }
    }
}
