using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.Core.Digest;

/// <summary>The work on one stage: how many items, at which layer each works, how many gaps, how many fully linked.</summary>
public sealed record StageDigest(
    string Id,
    string Name,
    int Items,
    IReadOnlyList<int> ByLayer,
    int OpenGaps,
    int FullyLinked)
{
    /// <summary>The id and name of the pseudo-stage holding the work placed on no stage.</summary>
    public const string UnplacedId = "";

    public const string UnplacedName = "Not placed on any stage";

    public bool IsUnplaced => Id.Length == 0;

    public int AtLayer(Layer layer) => ByLayer[(int)layer];

    public StageHealth Health => Items == 0
        ? StageHealth.NoWork
        : ((double)FullyLinked / Items) switch
        {
            >= 0.8 => StageHealth.Good,
            >= 0.5 => StageHealth.Fair,
            _ => StageHealth.Poor,
        };
}
