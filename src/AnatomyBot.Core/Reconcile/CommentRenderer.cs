using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Reconcile;

/// <summary>The sticky pull-request comment delivery teams read, fix first: marker, verdict, one line per action that
/// stands between the pull request and a green check, where it stands, the gaps with their suggestions, and the trace
/// collapsed. Deterministic (no clock), so an unchanged evaluation never causes a write.</summary>
public static class CommentRenderer
{
    public static string Render(ItemEvaluation evaluation, EnterpriseAnatomy anatomy, RenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(anatomy);
        options ??= RenderOptions.Default;
        var md = new MarkdownChunks();
        md.Add(Markers.Comment, "");
        md.Add("### " + Headline(evaluation, options.Mode), "");
        ReportBody.Write(md, evaluation, anatomy, options);
        return md.Build(options.MaxCommentLength, Footer, omitted => ReportBody.Pointer(omitted, options.MaxCommentLength, options));
    }

    private const string Footer =
        "<sub>AnatomyBot keeps this comment up to date on every push and every change to linked work items. Policy: `anatomy.yml`.</sub>\n";

    private static string Headline(ItemEvaluation evaluation, PolicyMode mode)
    {
        if (evaluation.IsExempt)
        {
            return "⏭️ Anatomy: exempt";
        }

        var gaps = MarkdownText.Plural(evaluation.Gaps.Count, "gap");
        return evaluation.Verdict switch
        {
            null when evaluation.Gaps.Count > 0 => $"✅ Anatomy: {gaps} waived",
            null => "✅ Anatomy: all links in place",
            GapSeverity.Block when mode != PolicyMode.Block => $"⚠️ Anatomy: {gaps} — would block the merge (mode: {EnumCodes.ToCode(mode)})",
            GapSeverity.Block => $"🛑 Anatomy: {gaps} — merge blocked",
            GapSeverity.Warn => $"⚠️ Anatomy: {gaps} — warnings only",
            _ => $"ℹ️ Anatomy: {gaps} — for information",
        };
    }
}
