using AnatomyBot.Core.Linkage;

namespace AnatomyBot.GitHub.Reconcile;

/// <summary>Colour and description of each label the bot owns, used when it creates a missing label.</summary>
internal static class GapLabelCatalog
{
    private static readonly Dictionary<string, (string Color, string Description)> Entries = new(StringComparer.OrdinalIgnoreCase)
    {
        [GapCodes.NoOutcome] = ("b60205", "AnatomyBot: no strategic outcome (P1) linked"),
        [GapCodes.NoStage] = ("d93f0b", "AnatomyBot: no value-stream stage (P2) linked"),
        [GapCodes.NoLogic] = ("fbca04", "AnatomyBot: no system logic (P3) linked"),
        [GapCodes.NoComponent] = ("e99695", "AnatomyBot: no component specification (P4) linked"),
        [GapCodes.NoWorkItem] = ("c5def5", "AnatomyBot: pull request links no work item"),
        [GapCodes.UnknownRef] = ("5319e7", "AnatomyBot: references an id the anatomy does not know"),
    };

    public static (string Color, string Description) For(string label)
    {
        var code = label.StartsWith(GapCodes.LabelPrefix, StringComparison.OrdinalIgnoreCase) ? label[GapCodes.LabelPrefix.Length..] : label;
        return Entries.TryGetValue(code, out var entry) ? entry : ("ededed", "AnatomyBot gap label");
    }
}
