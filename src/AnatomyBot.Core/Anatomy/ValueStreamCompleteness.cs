namespace AnatomyBot.Core.Anatomy;

/// <summary>How far one value stream is real architecture rather than a diagram: of its <see cref="Stages"/>, how many
/// link up to an outcome (P1), have system logic (P3), and reach component specifications (P4) through that logic.</summary>
public sealed record ValueStreamCompleteness(
    string ValueStreamId,
    string Name,
    int Stages,
    int LinkedToOutcome,
    int WithLogic,
    int ReachingComponents,
    int Complete)
{
    /// <summary>Share of stages linked both up (P1) and down to P4, 0..1 (1 for a stream without stages).</summary>
    public double CompleteRatio => Stages == 0 ? 1d : (double)Complete / Stages;
}
