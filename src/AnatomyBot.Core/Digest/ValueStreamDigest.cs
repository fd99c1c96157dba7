namespace AnatomyBot.Core.Digest;

/// <summary>One value stream: its stages in order and the fragmentation found on them.</summary>
public sealed record ValueStreamDigest(
    string Id,
    string Name,
    IReadOnlyList<StageDigest> Stages,
    IReadOnlyList<FragmentationCallout> Callouts);
