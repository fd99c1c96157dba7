using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;

namespace AnatomyBot.Core.Reconcile;

/// <summary>What the comment and the check summary share: trace, gaps and policy, linked items and notes, and the
/// pointer written where a size limit cuts them.</summary>
internal static class ReportBody
{
    public static void Write(MarkdownChunks md, ItemEvaluation evaluation, EnterpriseAnatomy anatomy, RenderOptions options)
    {
        TraceSection.Write(md, evaluation, anatomy, options);
        GapSection.Write(md, evaluation, anatomy);
        LinksSection.Write(md, evaluation);
    }

    public static string Pointer(int omittedLines, int limit, RenderOptions options)
    {
        var where = MarkdownText.SafeUrl(options.DetailsUrl) is { } url
            ? $"[Read the full report]({url})."
            : "Run `anatomybot check` for the full report.";
        return $"> ✂️ Cut to stay within the {MarkdownText.Number(limit)}-character limit: {MarkdownText.Plural(omittedLines, "more line")} not shown. {where}\n\n";
    }
}
