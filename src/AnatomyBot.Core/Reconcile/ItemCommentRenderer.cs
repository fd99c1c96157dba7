using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Reconcile;

/// <summary>The sticky comment product owners read on a backlog item (a GitHub issue, an Azure DevOps work item): what
/// to add, where the item stands, the gaps with their suggestions and the trace collapsed (waived gaps marked so, and
/// counted only in a "gaps waived" headline when no other link is missing); once nothing is missing, a short "all links
/// in place". Deterministic, so an unchanged evaluation never causes a write.</summary>
public static class ItemCommentRenderer
{
    public static string Render(ItemEvaluation evaluation, EnterpriseAnatomy anatomy, RenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(anatomy);
        options ??= RenderOptions.Default;
        var md = new MarkdownChunks();
        md.Add(Markers.Comment, "");
        if (!evaluation.IsExempt && !NeedsLinks(evaluation) && !evaluation.Gaps.Any(g => g.Waiver is not null))
        {
            md.Add("### ✅ Anatomy: all links in place", "");
            md.Add(OpeningSentence.For(evaluation, anatomy), "");
        }
        else
        {
            md.Add("### " + Headline(evaluation), "");
            ReportBody.Write(md, evaluation, anatomy, options);
        }

        return md.Build(options.MaxCommentLength, Footer(evaluation.Item),
            omitted => ReportBody.Pointer(omitted, options.MaxCommentLength, options));
    }

    /// <summary>True when a <c>warn</c> or <c>block</c> gap no waiver covers is open: what the item's labels or tags show.</summary>
    public static bool NeedsLinks(ItemEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        return !evaluation.IsExempt && evaluation.Gaps.Any(Open);
    }

    private static bool Open(Gap gap) => gap.Severity >= GapSeverity.Warn && gap.Waiver is null;

    private static string Headline(ItemEvaluation evaluation)
    {
        if (evaluation.IsExempt)
        {
            return "⏭️ Anatomy: exempt";
        }

        var open = evaluation.Gaps.Count(Open);
        return open > 0
            ? $"⚠️ Anatomy: {ItemNoun.This(evaluation.Item)} needs {MarkdownText.Plural(open, "link")}"
            : $"✅ Anatomy: {MarkdownText.Plural(evaluation.Gaps.Count(g => g.Waiver is not null), "gap")} waived";
    }

    private static string Footer(WorkItem item) =>
        $"<sub>AnatomyBot edits this comment as {ItemNoun.This(item)} changes; it never writes a second one. Policy: `anatomy.yml` (`policy.itemComments`).</sub>\n";
}
