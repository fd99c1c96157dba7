using AnatomyBot.Core.Linkage;

namespace AnatomyBot.Core.Reconcile;

/// <summary>How an owned label looks when the bot creates it on GitHub: name, colour (6 hex digits, no <c>#</c>) and a
/// description within GitHub's 100-character limit that says what to add. Azure DevOps tags have neither colour nor
/// description.</summary>
public sealed record LabelAppearance(string Name, string Color, string Description)
{
    public const int MaxDescriptionLength = 100;

    /// <summary>The appearance of an owned label (<c>anatomy:no-stage</c>, any casing); throws for labels the bot does not own.</summary>
    public static LabelAppearance For(string label)
    {
        var name = OwnedLabels.Canonical(label);
        var (color, description) = name[GapCodes.LabelPrefix.Length..] switch
        {
            GapCodes.NoOutcome => ("d93f0b", "Add \"Outcome: <outcome id>\" to the description (or the parent's): no P1 outcome. AnatomyBot"),
            GapCodes.NoStage => ("fbca04", "Add \"Stage: <stage id>\" to the description (or the parent's): no P2 stage. AnatomyBot"),
            GapCodes.NoLogic => ("c5def5", "Add \"Logic: <logic id>\" to the description: no P3 system logic. AnatomyBot"),
            GapCodes.NoComponent => ("5319e7", "Add \"Component: <component id>\" to the description: no P4 component. AnatomyBot"),
            GapCodes.NoWorkItem => ("b60205", "Add \"Fixes #<issue>\" (or \"AB#<id>\") to the pull request description. AnatomyBot"),
            _ => ("e4e669", "Replace an id anatomy.yml does not know with one it does (see the bot's comment). AnatomyBot"),
        };
        return new LabelAppearance(name, color, description);
    }
}
