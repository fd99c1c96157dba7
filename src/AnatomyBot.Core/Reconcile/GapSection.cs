using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Reconcile;

/// <summary>The gaps as a table (severity and what the policy does, gap, problem, fix, suggestions), then a few lines on
/// what the policy does about them.</summary>
internal static class GapSection
{
    public static void Write(MarkdownChunks md, ItemEvaluation evaluation, EnterpriseAnatomy anatomy)
    {
        if (evaluation.Gaps.Count == 0)
        {
            return;
        }

        md.AddSticky("#### Gaps", "");
        md.AddSticky("| Severity | Gap | What is missing | How to fix | Suggestions |", "| --- | --- | --- | --- | --- |");
        foreach (var gap in GapWording.Ordered(evaluation.Gaps))
        {
            md.Add(Row(gap, anatomy));
        }

        md.Blank();
        WritePolicy(md, evaluation);
    }

    private static string Row(Gap gap, EnterpriseAnatomy anatomy) =>
        $"| {GapWording.Severity(gap.Severity)} ({GapWording.Effect(gap.Severity)}) | {MarkdownText.Code(gap.Code)} " +
        $"| {MarkdownText.EscapeKeepingCode(gap.Message)} | {MarkdownText.EscapeKeepingCode(gap.Fix)} | {Suggestions(gap, anatomy)} |";

    private static string Suggestions(Gap gap, EnterpriseAnatomy anatomy)
    {
        if (gap.Suggestions.Count == 0)
        {
            return "—";
        }

        return string.Join("<br>", gap.Suggestions.Take(3).Select(s =>
        {
            var name = anatomy.TryGet(s.Id, out var element) ? " " + MarkdownText.Escape(element.Name) : "";
            return $"{MarkdownText.Code(s.Id)}{name} ({s.Score.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)})";
        }));
    }

    private static void WritePolicy(MarkdownChunks md, ItemEvaluation evaluation)
    {
        var source = evaluation.Item.Source;
        var check = GapWording.CheckName(source);
        md.AddSticky("#### What the policy does", "");
        var codes = (GapSeverity severity) => string.Join(", ", evaluation.Gaps.Where(g => g.Severity == severity)
            .Select(g => MarkdownText.Code(GapCodes.ToLabel(g.Code))).Distinct());
        if (evaluation.Gaps.Any(g => g.Severity == GapSeverity.Block))
        {
            md.Add($"- 🛑 **Merge blocked**: the {check} fails while a *block* gap remains, so a branch protection rule or policy that requires it stops the merge. {Capital(GapWording.LabelWord(source))}s: {codes(GapSeverity.Block)}.");
        }

        if (evaluation.Gaps.Any(g => g.Severity == GapSeverity.Warn))
        {
            md.Add($"- ⚠️ **Labelled**: this pull request carries {codes(GapSeverity.Warn)} until the link is in place; the {check} does not fail for warnings.");
        }

        if (evaluation.Gaps.Any(g => g.Severity == GapSeverity.Info))
        {
            md.Add("- ℹ️ **For information**: shown here only, nothing is blocked or labelled.");
        }

        md.Blank();
    }

    private static string Capital(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
