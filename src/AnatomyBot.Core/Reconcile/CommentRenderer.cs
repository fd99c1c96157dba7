using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Reconcile;

/// <summary>The sticky pull-request comment delivery teams read: marker, verdict, trace, gaps with fixes and suggestions,
/// what the policy does, linked work items. Deterministic (no clock), so an unchanged evaluation never causes a write.</summary>
public static class CommentRenderer
{
    public static string Render(ItemEvaluation evaluation, EnterpriseAnatomy anatomy, RenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(anatomy);
        options ??= RenderOptions.Default;
        var md = new MarkdownChunks();
        md.Add(Markers.Comment, "");
        md.Add("### " + Headline(evaluation), "");
        md.Add(Lead(evaluation), "");
        if (!evaluation.IsExempt)
        {
            ReportBody.Write(md, evaluation, anatomy, options);
        }

        return md.Build(options.MaxCommentLength, Footer, omitted => ReportBody.Pointer(omitted, options.MaxCommentLength, options));
    }

    private const string Footer =
        "<sub>AnatomyBot keeps this comment up to date on every push and every change to linked work items. Policy: `anatomy.yml`.</sub>\n";

    private static string Headline(ItemEvaluation evaluation)
    {
        if (evaluation.IsExempt)
        {
            return "⏭️ Anatomy: exempt";
        }

        var gaps = MarkdownText.Plural(evaluation.Gaps.Count, "gap");
        return evaluation.Verdict switch
        {
            null => "✅ Anatomy: all links in place",
            GapSeverity.Block => $"🛑 Anatomy: {gaps} — merge blocked",
            GapSeverity.Warn => $"⚠️ Anatomy: {gaps} — warnings only",
            _ => $"ℹ️ Anatomy: {gaps} — for information",
        };
    }

    private static string Lead(ItemEvaluation evaluation)
    {
        var title = "**" + MarkdownText.Escape(evaluation.Item.Title) + "**";
        if (evaluation.IsExempt)
        {
            return $"{title} is exempt from the anatomy policy: {MarkdownText.EscapeKeepingCode(evaluation.ExemptReason)}. " +
                $"No {GapWording.LabelWord(evaluation.Item.Source)}s are set and the {GapWording.CheckName(evaluation.Item.Source)} reports *not applicable*.";
        }

        var reaches = evaluation.Layer == Layer.Unmapped
            ? "reaches no layer of the anatomy yet"
            : $"reaches **{evaluation.Layer.ToCode()} {evaluation.Layer.ToNoun()}**";
        return evaluation.Gaps.Count == 0
            ? $"{title} {reaches}. All links in place: every link the policy requires is there, nothing to fix."
            : $"{title} {reaches}. Add the missing links below; this comment updates itself when they are in place.";
    }
}
