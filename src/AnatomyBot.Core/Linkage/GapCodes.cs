namespace AnatomyBot.Core.Linkage;

/// <summary>The stable gap codes. They also become labels and tags <c>anatomy:&lt;code&gt;</c>.</summary>
public static class GapCodes
{
    public const string NoOutcome = "no-outcome";
    public const string NoStage = "no-stage";
    public const string NoLogic = "no-logic";
    public const string NoComponent = "no-component";
    public const string NoWorkItem = "no-work-item";
    public const string UnknownRef = "unknown-ref";

    public const string LabelPrefix = "anatomy:";

    public static IReadOnlyList<string> All { get; } = [NoOutcome, NoStage, NoLogic, NoComponent, NoWorkItem, UnknownRef];

    public static string ToLabel(string code) => LabelPrefix + code;
}
