using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Reconcile;

/// <summary>The merge check: conclusion, a one-line title (<c>2 gaps — merge blocked: no component linked</c>) and a
/// Markdown summary that repeats the trace and the gaps.</summary>
public static class CheckRenderer
{
    /// <summary>Check-run titles are one line; longer ones are cut with an ellipsis.</summary>
    public const int MaxTitleLength = 200;

    public static CheckState Render(ItemEvaluation evaluation, EnterpriseAnatomy anatomy, RenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(anatomy);
        options ??= RenderOptions.Default;
        var conclusion = Conclusion(evaluation);
        if (!options.Enforcing && conclusion == CheckConclusion.Failure)
        {
            conclusion = CheckConclusion.Neutral;
        }

        return new CheckState(conclusion, Title(evaluation, options.Mode), Summary(evaluation, anatomy, options));
    }

    /// <summary>NotApplicable when exempt; Failure while a block gap remains (<see cref="Render"/> makes it Neutral
    /// unless <c>policy.mode</c> is <c>block</c>); Neutral for warnings only; else Success.</summary>
    public static CheckConclusion Conclusion(ItemEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        return evaluation.IsExempt ? CheckConclusion.NotApplicable : evaluation.Verdict switch
        {
            GapSeverity.Block => CheckConclusion.Failure,
            GapSeverity.Warn => CheckConclusion.Neutral,
            _ => CheckConclusion.Success,
        };
    }

    /// <summary>Plain text, one line; under <c>policy.mode</c> <c>report</c> or <c>label</c> a <c>block</c> gap "would
    /// block the merge" instead of blocking it.</summary>
    public static string Title(ItemEvaluation evaluation, PolicyMode mode = PolicyMode.Block)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        if (evaluation.IsExempt)
        {
            return MarkdownText.Clip("Exempt: " + MarkdownText.Flatten(evaluation.ExemptReason), MaxTitleLength);
        }

        if (evaluation.Gaps.Count == 0)
        {
            return evaluation.Layer == Layer.Unmapped ? "All links in place" : $"All links in place — reaches {evaluation.Layer.ToCode()} {evaluation.Layer.ToNoun()}";
        }

        if (evaluation.Verdict is not { } verdict)
        {
            return $"{MarkdownText.Plural(evaluation.Gaps.Count, "gap")} waived";
        }

        var what = verdict switch
        {
            GapSeverity.Block when mode != PolicyMode.Block => $"would block the merge (mode: {EnumCodes.ToCode(mode)})",
            GapSeverity.Block => "merge blocked",
            GapSeverity.Warn => "warning",
            _ => "for information",
        };
        var phrases = GapWording.Ordered(evaluation.Gaps).Where(g => g.Severity == verdict && g.Waiver is null).Select(g => GapWording.Phrase(g.Code)).Distinct();
        return MarkdownText.Clip($"{MarkdownText.Plural(evaluation.Gaps.Count, "gap")} — {what}: {string.Join(", ", phrases)}", MaxTitleLength);
    }

    private static string Summary(ItemEvaluation evaluation, EnterpriseAnatomy anatomy, RenderOptions options)
    {
        var md = new MarkdownChunks();
        ReportBody.Write(md, evaluation, anatomy, options);
        return md.Build(options.MaxSummaryLength, "", omitted => ReportBody.Pointer(omitted, options.MaxSummaryLength, options)).TrimEnd('\n') + "\n";
    }
}
