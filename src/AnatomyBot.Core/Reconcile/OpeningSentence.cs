using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;

namespace AnatomyBot.Core.Reconcile;

/// <summary>The sentence that says where an item stands, from its effective trace (its own links, its parents' and,
/// for a pull request, its linked work items'): "**Send reminders** reaches **P4 component** through #3; every link the
/// policy requires is in place."</summary>
internal static class OpeningSentence
{
    private const int MaxThrough = 3;

    public static string For(ItemEvaluation evaluation, EnterpriseAnatomy anatomy)
    {
        var item = evaluation.Item;
        var title = "**" + MarkdownText.Escape(item.Title) + "**";
        if (evaluation.IsExempt)
        {
            return $"{title} is exempt from the anatomy policy: {MarkdownText.EscapeKeepingCode(evaluation.ExemptReason)}. " +
                $"No {GapWording.LabelWord(item.Source)}s are set" + (ItemNoun.IsPullRequest(item) ? $" and the {GapWording.CheckName(item.Source)} reports *not applicable*." : ".");
        }

        var reached = Reached(evaluation, anatomy);
        var where = reached == Layer.Unmapped
            ? $"{title} is not placed on the anatomy yet"
            : $"{title} reaches **{reached.ToCode()} {reached.ToNoun()}**{Through(evaluation, reached)}";
        return evaluation.Gaps.Count == 0 ? where + "; every link the policy requires is in place." : where + ".";
    }

    /// <summary>The deepest layer of the effective trace that holds an element the anatomy knows.</summary>
    public static Layer Reached(ItemEvaluation evaluation, EnterpriseAnatomy anatomy)
    {
        foreach (var layer in (Layer[])[Layer.Component, Layer.Logic, Layer.Stage, Layer.Outcome])
        {
            if (TraceDetails.Mark(evaluation, anatomy, layer) == TraceDetails.Linked)
            {
                return layer;
            }
        }

        return Layer.Unmapped;
    }

    /// <summary>Where the trace comes from when the item's own links reach less deep: the work items a pull request
    /// links, or a backlog item's parent.</summary>
    private static string Through(ItemEvaluation evaluation, Layer reached)
    {
        var item = evaluation.Item;
        if (evaluation.Layer >= reached)
        {
            return "";
        }

        if (ItemNoun.IsPullRequest(item) && evaluation.LinkedItems.Count > 0)
        {
            var (shown, more) = ItemMention.Some(evaluation.LinkedItems, item, MaxThrough);
            return " through " + string.Join(", ", shown) + (more > 0 ? $" and {more} more" : "");
        }

        return item.ParentId is { Length: > 0 } parent ? " through its parent " + ItemMention.Of(parent, item) : "";
    }
}
