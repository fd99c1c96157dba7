using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;

namespace AnatomyBot.Core.Reconcile;

/// <summary>What the comments and the check summary share, fix first: the actions that stand between the item and a
/// clean state, the sentence on where it stands, the gaps, notes on its own data, and the collapsed trace; and the
/// pointer written where a size limit cuts them.</summary>
internal static class ReportBody
{
    /// <summary>How many notes on the item's own data a report lists before it says how many more there are.</summary>
    private const int MaxNotes = 10;

    public static void Write(MarkdownChunks md, ItemEvaluation evaluation, EnterpriseAnatomy anatomy, RenderOptions options)
    {
        var actions = FixActions.For(evaluation, anatomy.Policy, options.Enforcing);
        if (actions.Count > 0)
        {
            md.Add([.. actions.Select(a => "- " + a), ""]);
        }

        md.Add(OpeningSentence.For(evaluation, anatomy), "");
        if (evaluation.IsExempt)
        {
            return;
        }

        GapList.Write(md, evaluation, anatomy, options.Enforcing);
        WriteNotes(md, evaluation);
        TraceDetails.Write(md, evaluation, anatomy, options);
    }

    public static string Pointer(int omittedLines, int limit, RenderOptions options)
    {
        var where = MarkdownText.SafeUrl(options.DetailsUrl) is { } url
            ? $"[Read the full report]({url})."
            : "Run `anatomybot check` for the full report.";
        return $"> ✂️ Cut to stay within the {MarkdownText.Number(limit)}-character limit: {MarkdownText.Plural(omittedLines, "more line")} not shown. {where}\n\n";
    }

    private static void WriteNotes(MarkdownChunks md, ItemEvaluation evaluation)
    {
        if (evaluation.Diagnostics.Count == 0)
        {
            return;
        }

        md.AddSticky("#### Notes", "");
        foreach (var diagnostic in evaluation.Diagnostics.Take(MaxNotes))
        {
            md.Add("- " + MarkdownText.EscapeKeepingCode(diagnostic));
        }

        if (evaluation.Diagnostics.Count > MaxNotes)
        {
            md.Add($"- … and {MarkdownText.Plural(evaluation.Diagnostics.Count - MaxNotes, "more note")}");
        }

        md.Blank();
    }
}
