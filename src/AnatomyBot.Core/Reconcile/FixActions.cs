using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Reconcile;

/// <summary>The lines that lead a report: one per gap code that stands between the item and a clean state (a
/// <c>block</c> or <c>warn</c> gap), each naming the item to change and the exact text to add — "To merge: add
/// `Component: C-DOCUMENT-CHASER` to the description of this pull request or of #102". Identical lines are merged.</summary>
internal static class FixActions
{
    /// <summary>How many linked items or parents an action names before it says how many more there are.</summary>
    private const int MaxTargets = 3;

    public static IReadOnlyList<string> For(ItemEvaluation evaluation, AnatomyPolicy policy, bool enforcing = true)
    {
        var lines = new List<string>();
        foreach (var group in GapGroups.Of(evaluation.Gaps).Where(g => g.Severity >= GapSeverity.Warn && g.Gaps[0].Waiver is null))
        {
            var line = $"**{Prefix(group.Severity, evaluation.Item, enforcing)}** {Action(group, evaluation, policy)}";
            if (!lines.Contains(line, StringComparer.Ordinal))
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    private static string Prefix(GapSeverity severity, WorkItem item, bool enforcing) => !ItemNoun.IsPullRequest(item)
        ? "To fix:"
        : severity != GapSeverity.Block ? "To clear the warning:" : enforcing ? "To merge:" : "To fix:";

    private static string Action(GapGroup group, ItemEvaluation evaluation, AnatomyPolicy policy)
    {
        var item = evaluation.Item;
        return group.Code switch
        {
            GapCodes.NoWorkItem => item.Source == ItemSource.GitHub
                ? $"add `Fixes #<issue>` (or `AB#<id>` for an Azure Boards item) to the description of {ItemNoun.This(item)}."
                : $"link a work item to {ItemNoun.This(item)}, or add `#<id>` to its description.",
            GapCodes.UnknownRef => Unknown(group, item),
            _ => AddLink(group, GapWording.LayerOf(group.Code), evaluation, policy),
        };
    }

    private static string AddLink(GapGroup group, Layer layer, ItemEvaluation evaluation, AnatomyPolicy policy)
    {
        var item = evaluation.Item;
        var first = group.Gaps[0];
        var value = first.LeadingId ?? $"<{layer.ToNoun()} id>";
        var line = $"`{GapText.Keyword(layer)}: {value}`";
        var (self, others) = Targets(layer, evaluation);
        var field = item.Source == ItemSource.AzureDevOps ? GapText.FieldFor(policy, layer) : null;
        string text;
        if (field is not null && others.Count > 0)
        {
            // Work items carry the policy's field; a pull request only its description.
            text = $"set `{field}` to `{value}` on {Or(others, "")}" + (self ? $", or add {line} to the description of {ItemNoun.This(item)}" : "");
        }
        else if (field is not null && !ItemNoun.IsPullRequest(item))
        {
            text = $"set `{field}` to `{value}` on {ItemNoun.This(item)} (or add {line} to its description)";
        }
        else
        {
            text = $"add {line} to the description of {Or(self ? [ItemNoun.This(item), .. others] : others, "of ")}";
        }

        return text + Choice(first) + ".";
    }

    /// <summary>Where a missing link goes. A pull request: outcome and stage on the work items it links (their trace
    /// is its trace), logic and component on itself or on them. A backlog item: outcome and stage on itself or its
    /// parent (whose outcome and stage it inherits), logic and component on itself.</summary>
    private static (bool Self, IReadOnlyList<string> Others) Targets(Layer layer, ItemEvaluation evaluation)
    {
        var item = evaluation.Item;
        var upper = layer is Layer.Outcome or Layer.Stage;
        if (ItemNoun.IsPullRequest(item))
        {
            var (linked, more) = ItemMention.Some(evaluation.LinkedItems, item, MaxTargets);
            IReadOnlyList<string> others = more > 0 ? [.. linked, $"one of the {MarkdownText.Plural(more, "other linked work item")}"] : linked;
            return upper && others.Count > 0 ? (false, others) : (true, others);
        }

        return upper && item.ParentId is { Length: > 0 } parent ? (true, ["its parent " + ItemMention.Of(parent, item)]) : (true, []);
    }

    private static string Unknown(GapGroup group, WorkItem item)
    {
        if (group.Gaps.Count > 1)
        {
            return $"correct the {group.Gaps.Count} ids the anatomy does not know (listed below) in {ItemNoun.This(item)}.";
        }

        var gap = group.Gaps[0];
        var id = MarkdownText.Code(gap.Reference ?? "?");
        return gap.LeadingId is { } leading
            ? $"replace {id} with {MarkdownText.Code(leading)} in {ItemNoun.This(item)}."
            : $"correct {id} in {ItemNoun.This(item)} to an id from `anatomy.yml`{Choice(gap)}.";
    }

    /// <summary>Said when there are suggestions but none clearly leads, instead of naming one.</summary>
    private static string Choice(Gap gap) => gap.LeadingId is null && gap.Suggestions.Count > 0
        ? " — " + GapText.NoClearLead + " from the suggestions below"
        : "";

    /// <summary>"A", "A or of B" (<paramref name="of"/> repeated for two), "A, B or C".</summary>
    private static string Or(IReadOnlyList<string> targets, string of) => targets.Count switch
    {
        0 => "",
        1 => targets[0],
        2 => targets[0] + " or " + of + targets[1],
        _ => string.Join(", ", targets.Take(targets.Count - 1)) + " or " + targets[^1],
    };
}
