using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;

namespace AnatomyBot.Core.Reconcile;

/// <summary>The few words the renderers use for gap codes, severities and platforms.</summary>
internal static class GapWording
{
    public static string Phrase(string code) => code switch
    {
        GapCodes.NoOutcome => "no outcome linked",
        GapCodes.NoStage => "no stage linked",
        GapCodes.NoLogic => "no logic linked",
        GapCodes.NoComponent => "no component linked",
        GapCodes.NoWorkItem => "no work item linked",
        GapCodes.UnknownRef => "unknown reference",
        _ => code,
    };

    public static Layer LayerOf(string code) => code switch
    {
        GapCodes.NoOutcome => Layer.Outcome,
        GapCodes.NoStage => Layer.Stage,
        GapCodes.NoLogic => Layer.Logic,
        GapCodes.NoComponent => Layer.Component,
        _ => Layer.Unmapped,
    };

    /// <summary>How the merge check is called where the item lives.</summary>
    public static string CheckName(ItemSource source) =>
        source == ItemSource.AzureDevOps ? "`anatomybot/linkage` status" : "`anatomy` check";

    public static string LabelWord(ItemSource source) => source == ItemSource.AzureDevOps ? "tag" : "label";

    /// <summary>Gaps in reading order: most severe first, then by code, then as the engine gave them.</summary>
    public static IReadOnlyList<Gap> Ordered(IReadOnlyList<Gap> gaps) =>
        [.. gaps.OrderByDescending(g => g.Severity).ThenBy(g => g.Code, StringComparer.Ordinal)];
}
