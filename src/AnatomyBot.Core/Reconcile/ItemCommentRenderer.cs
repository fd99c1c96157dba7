using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Reconcile;

/// <summary>The sticky comment product owners read on a backlog item (a GitHub issue, an Azure DevOps work item): what
/// to add, where the item stands, the gaps with their suggestions and the trace collapsed; once nothing is missing, a
/// short "all links in place". Deterministic, so an unchanged evaluation never causes a write.</summary>
public static class ItemCommentRenderer
{
    public static string Render(ItemEvaluation evaluation, EnterpriseAnatomy anatomy, RenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(anatomy);
        options ??= RenderOptions.Default;
        var md = new MarkdownChunks();
        md.Add(Markers.Comment, "");
        if (!evaluation.IsExempt && !NeedsLinks(evaluation))
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

    /// <summary>True when a <c>warn</c> or <c>block</c> gap is open: what the item's labels or tags show.</summary>
    public static bool NeedsLinks(ItemEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        return !evaluation.IsExempt && evaluation.Gaps.Any(g => g.Severity >= GapSeverity.Warn);
    }

    private static string Headline(ItemEvaluation evaluation) => evaluation.IsExempt
        ? "⏭️ Anatomy: exempt"
        : $"⚠️ Anatomy: {ItemNoun.This(evaluation.Item)} needs {MarkdownText.Plural(evaluation.Gaps.Count(g => g.Severity >= GapSeverity.Warn), "link")}";

    private static string Footer(WorkItem item) =>
        $"<sub>AnatomyBot edits this comment as {ItemNoun.This(item)} changes; it never writes a second one. Policy: `anatomy.yml` (`policy.itemComments`).</sub>\n";
}
