using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;
using AnatomyBot.Core.Waivers;

namespace AnatomyBot.Core.Reconcile;

/// <summary>The gaps as a list a comment column holds: one entry per gap code with what it does (blocks the merge, a
/// label), what is missing, and its suggestions by id and name, or the waiver that lets it pass; unknown ids that share their suggestions are one line.</summary>
internal static class GapList
{
    /// <summary>How many lines of unknown ids an entry lists before it says how many more there are.</summary>
    private const int MaxUnknownLines = 10;

    /// <summary>How many unknown ids one line names before it says how many more share its suggestions.</summary>
    private const int MaxIdsPerLine = 3;

    public static void Write(MarkdownChunks md, ItemEvaluation evaluation, EnterpriseAnatomy anatomy, bool enforcing = true)
    {
        if (evaluation.Gaps.Count == 0)
        {
            return;
        }

        md.AddSticky("#### Gaps", "");
        foreach (var group in GapGroups.Of(evaluation.Gaps))
        {
            md.Add(Entry(group, evaluation.Item, anatomy, enforcing));
        }

        md.Blank();
    }

    private static string[] Entry(GapGroup group, WorkItem item, EnterpriseAnatomy anatomy, bool enforcing)
    {
        var waiver = group.Gaps[0].Waiver;
        var head = waiver is null
            ? $"- {Mark(group.Severity)} {MarkdownText.Code(group.Code)} {Effect(group, item, enforcing)}: "
            : $"- ✅ {MarkdownText.Code(group.Code)} waived: ";
        if (group.Code == GapCodes.UnknownRef && group.Gaps.Count > 1)
        {
            return [head + $"{group.Gaps.Count} ids the anatomy does not know.", .. UnknownLines(group.Gaps, anatomy)];
        }

        var messages = group.Gaps.Select(g => MarkdownText.EscapeKeepingCode(g.Message)).Distinct(StringComparer.Ordinal);
        var suggestions = Suggestions(group.Gaps, anatomy);
        if (waiver is not null)
        {
            return [head + string.Join(" ", messages), "  - " + MarkdownText.Escape("Waiver " + WaiverText.Line(waiver))];
        }

        return suggestions.Length == 0
            ? [head + string.Join(" ", messages)]
            : [head + string.Join(" ", messages), "  - Suggestions: " + suggestions];
    }

    /// <summary>One line per set of suggestions, naming the unknown ids that share it.</summary>
    private static List<string> UnknownLines(IReadOnlyList<Gap> gaps, EnterpriseAnatomy anatomy)
    {
        var lines = gaps
            .GroupBy(g => Suggestions([g], anatomy), StringComparer.Ordinal)
            .Select(g =>
            {
                var ids = g.Select(x => MarkdownText.Code(x.Reference ?? "?")).Distinct(StringComparer.Ordinal).ToList();
                var named = string.Join(", ", ids.Take(MaxIdsPerLine)) + (ids.Count > MaxIdsPerLine ? $" and {ids.Count - MaxIdsPerLine} more" : "");
                return "  - " + named + (g.Key.Length == 0 ? ": no suggestion" : ": perhaps " + g.Key);
            })
            .ToList();
        if (lines.Count > MaxUnknownLines)
        {
            var more = lines.Count - MaxUnknownLines;
            lines.RemoveRange(MaxUnknownLines, more);
            lines.Add($"  - … and {MarkdownText.Plural(more, "more line")} like these");
        }

        return lines;
    }

    /// <summary>The suggestions of <paramref name="gaps"/> by id and name, at most three, the first marked "best match"
    /// when it clearly leads; never a raw score.</summary>
    private static string Suggestions(IReadOnlyList<Gap> gaps, EnterpriseAnatomy anatomy)
    {
        var leads = gaps[0].FirstLeads;
        var ids = gaps.SelectMany(g => g.Suggestions).Select(s => s.Id).Distinct(StringComparer.OrdinalIgnoreCase).Take(3).ToList();
        return string.Join(" · ", ids.Select((id, i) =>
        {
            var name = anatomy.TryGet(id, out var element) ? " " + MarkdownText.Escape(element.Name) : "";
            return MarkdownText.Code(id) + name + (i == 0 && leads ? " (best match)" : "");
        }));
    }

    private static string Mark(GapSeverity severity) => severity switch
    {
        GapSeverity.Block => "🛑",
        GapSeverity.Warn => "⚠️",
        _ => "ℹ️",
    };

    private static string Effect(GapGroup group, WorkItem item, bool enforcing)
    {
        var label = $"{GapWording.LabelWord(item.Source)} {MarkdownText.Code(GapCodes.ToLabel(group.Code))}";
        return group.Severity switch
        {
            GapSeverity.Block when ItemNoun.IsPullRequest(item) => enforcing ? "blocks the merge" : "would block the merge",
            GapSeverity.Info => "for information",
            _ when ItemNoun.IsPullRequest(item) => "warning, " + label,
            _ => label,
        };
    }
}
