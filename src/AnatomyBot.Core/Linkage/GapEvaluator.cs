using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage.Batch;
using AnatomyBot.Core.Linkage.Ranking;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Linkage;

/// <summary>The gaps of one item. An exempt item has none. Otherwise: each link its rule requires that its effective
/// links lack is a gap of the rule's severity (a missing layer, with suggestions from that layer; a pull request linking
/// no work item), and each id it names that the anatomy does not know is an <c>unknown-ref</c> gap, never more severe
/// than a warning (a mistyped id must not block), with the likely intended ids as suggestions. Gaps come sorted by code,
/// then message.</summary>
internal sealed class GapEvaluator(AnatomyIndex index, GapText text)
{
    public IReadOnlyList<Gap> Find(PreparedItem item, int[] effective, ItemScratch scratch)
    {
        if (item.ExemptReason is not null)
        {
            return [];
        }

        var gaps = scratch.Gaps;
        gaps.Clear();
        var reached = LayerSet.Of(effective, index);
        var rule = item.Rules.For(effective);
        for (var r = 0; r < rule.Require.Count; r++) // indexed: an interface's enumerator would be an object per item
        {
            var requirement = rule.Require[r];
            if (requirement == LinkRequirement.WorkItem)
            {
                if (item.Linked is null)
                {
                    gaps.Add(NoWorkItem(item, rule));
                }
            }
            else if (!reached.Contains(LayerOf(requirement)))
            {
                gaps.Add(MissingLayer(item, rule, LayerOf(requirement), effective, scratch.Ranker));
            }
        }

        if (item.Unknown is { } unknown)
        {
            foreach (var reference in unknown)
            {
                gaps.Add(UnknownReference(item, rule, reference, scratch.Ranker));
            }
        }

        return Sorted(gaps);
    }

    /// <summary>Whether the item can have a gap whatever the rest of its batch holds: it is not exempt, and it names an
    /// unknown id or its own closure misses a link its rule requires. Ancestors and linked items only ever add links,
    /// so an item whose own links meet its rule has no gap to rank suggestions for, and needs no ranking terms.</summary>
    public bool MayHaveGap(PreparedItem item)
    {
        if (item.ExemptReason is not null)
        {
            return false;
        }

        if (item.Unknown is not null)
        {
            return true;
        }

        var reached = LayerSet.Of(item.OwnClosure, index);
        if (item.Rules.ByValueStream is null)
        {
            return Misses(item.Rules.Rule, reached);
        }

        foreach (var rule in item.Rules.Possible())
        {
            if (Misses(rule, reached))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Misses(PolicyRule rule, LayerSet reached)
    {
        for (var r = 0; r < rule.Require.Count; r++)
        {
            var requirement = rule.Require[r];
            if (requirement == LinkRequirement.WorkItem || !reached.Contains(LayerOf(requirement)))
            {
                return true;
            }
        }

        return false;
    }

    private Gap NoWorkItem(PreparedItem item, PolicyRule rule) => new(
        GapCodes.NoWorkItem,
        rule.Severity,
        text.Message(GapCodes.NoWorkItem, item.Kind, item.Source),
        text.Fix(GapCodes.NoWorkItem, Layer.Unmapped, item.Source, null, undecided: false),
        []);

    private Gap MissingLayer(PreparedItem item, PolicyRule rule, Layer layer, int[] effective, SuggestionRanker ranker)
    {
        var code = GapText.CodeFor(layer);
        var (suggestions, leads) = ranker.Rank(layer, item.Terms, effective);
        return new Gap(
            code,
            rule.Severity,
            text.Message(code, item.Kind, item.Source),
            text.Fix(code, layer, item.Source, leads ? suggestions[0].Id : null, undecided: !leads && suggestions.Count > 0),
            suggestions)
        {
            FirstLeads = leads,
        };
    }

    private static Gap UnknownReference(PreparedItem item, PolicyRule rule, ElementReference reference, SuggestionRanker ranker)
    {
        var suggestions = ranker.RankFor(reference, item.Terms);
        var leads = SuggestionRanker.FirstLeads(suggestions);
        return new Gap(
            GapCodes.UnknownRef,
            rule.Severity < GapSeverity.Warn ? rule.Severity : GapSeverity.Warn,
            GapText.UnknownMessage(reference.Id, reference.Layer),
            GapText.UnknownFix(reference.Id, reference.Layer, leads ? suggestions[0].Id : null),
            suggestions)
        {
            FirstLeads = leads,
            Reference = reference.Id,
        };
    }

    /// <summary>The gaps by code, then message, copied out at their exact count.</summary>
    private static Gap[] Sorted(List<Gap> gaps)
    {
        if (gaps.Count == 0)
        {
            return [];
        }

        gaps.Sort(static (a, b) =>
        {
            var byCode = string.CompareOrdinal(a.Code, b.Code);
            return byCode != 0 ? byCode : string.CompareOrdinal(a.Message, b.Message);
        });
        return gaps.ToArray();
    }

    private static Layer LayerOf(LinkRequirement requirement) => requirement switch
    {
        LinkRequirement.Outcome => Layer.Outcome,
        LinkRequirement.Stage => Layer.Stage,
        LinkRequirement.Logic => Layer.Logic,
        _ => Layer.Component,
    };
}
