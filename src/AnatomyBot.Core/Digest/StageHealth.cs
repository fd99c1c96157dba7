namespace AnatomyBot.Core.Digest;

/// <summary>How well the work on a stage is linked: good ≥ 80 % fully linked, fair ≥ 50 %, poor below.</summary>
public enum StageHealth
{
    NoWork,
    Good,
    Fair,
    Poor,
}
