using AnatomyBot.Core.Linkage;

namespace AnatomyBot.Core.Reconcile;

/// <summary>How an owned label looks when the bot creates it on GitHub: name, colour (6 hex digits, no <c>#</c>) and a
/// description within GitHub's 100-character limit. Azure DevOps tags have neither colour nor description.</summary>
public sealed record LabelAppearance(string Name, string Color, string Description)
{
    public const int MaxDescriptionLength = 100;

    /// <summary>The appearance of an owned label (<c>anatomy:no-stage</c>, any casing); throws for labels the bot does not own.</summary>
    public static LabelAppearance For(string label)
    {
        var name = OwnedLabels.Canonical(label);
        var (color, what) = name[GapCodes.LabelPrefix.Length..] switch
        {
            GapCodes.NoOutcome => ("d93f0b", "no strategic outcome (P1) linked"),
            GapCodes.NoStage => ("fbca04", "no value-stream stage (P2) linked"),
            GapCodes.NoLogic => ("c5def5", "no system logic (P3) linked"),
            GapCodes.NoComponent => ("5319e7", "no component specification (P4) linked"),
            GapCodes.NoWorkItem => ("b60205", "no work item linked"),
            _ => ("e4e669", "a reference the anatomy does not know"),
        };
        return new LabelAppearance(name, color, "AnatomyBot: " + what + ". Set and removed by the bot.");
    }
}
