namespace AnatomyBot.Core.Anatomy;

public static class LayerExtensions
{
    /// <summary>The stable code used in JSON output and Markdown: <c>P1</c>..<c>P4</c> or <c>unmapped</c>.</summary>
    public static string ToCode(this Layer layer) => layer switch
    {
        Layer.Outcome => "P1",
        Layer.Stage => "P2",
        Layer.Logic => "P3",
        Layer.Component => "P4",
        _ => "unmapped",
    };

    /// <summary>The word a person reads: outcome, stage, logic, component.</summary>
    public static string ToNoun(this Layer layer) => layer switch
    {
        Layer.Outcome => "outcome",
        Layer.Stage => "stage",
        Layer.Logic => "logic",
        Layer.Component => "component",
        _ => "unmapped",
    };
}
