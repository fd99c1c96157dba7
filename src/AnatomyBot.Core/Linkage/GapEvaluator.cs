using System.Runtime.InteropServices;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage.Ranking;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Linkage;

/// <summary>The gaps of one item: each link its rule requires but its effective links lack, and each id it names that
/// the anatomy does not know, with up to three ranked suggestions. Sorted by code, then message.</summary>
internal sealed class GapEvaluator(AnatomyIndex index, GapText text)
{
    private const int SuggestionCount = 3;

    [ThreadStatic]
    private static Scratch? t_scratch;

    /// <summary>The distinct known terms of the item's title, then body, in order of first appearance: what its
    /// suggestions are ranked on.</summary>
    public TermIds Terms(WorkItemDraft item, ReadOnlySpan<char> body)
    {
        var scratch = Scratch.For(index);
        scratch.Terms.Clear();
        scratch.Seen.Clear(index.Vocabulary.Count);
        index.Vocabulary.Collect(item.Title, skipTags: false, scratch.Terms, scratch.Seen);
        index.Vocabulary.Collect(body, item.BodyFormat == BodyFormat.Html, scratch.Terms, scratch.Seen);
        return TermIds.Of(scratch.Terms, index.Vocabulary.Count);
    }

    public IReadOnlyList<Gap> Find(PreparedItem prepared, int[] effective, PolicyRule rule)
    {
        // Gathered in a per-thread list and copied out at their exact count (no list and no spare slots per item).
        List<Gap>? gaps = null;
        Scratch? scratch = null;
        var (kind, source) = (prepared.Kind, prepared.Source);
        var layers = Layers(effective);
        // Indexed loops: the rule's and the gaps' lists are interfaces, whose enumerators would be one object per item.
        for (var r = 0; r < rule.Require.Count; r++)
        {
            var requirement = rule.Require[r];
            if (requirement == LinkRequirement.WorkItem)
            {
                if (prepared.Linked is null)
                {
                    (gaps ??= Scratch.Gaps()).Add(new Gap(
                        GapCodes.NoWorkItem, rule.Severity, text.Message(GapCodes.NoWorkItem, kind, source),
                        text.Fix(GapCodes.NoWorkItem, Layer.Unmapped, kind, source, null), []));
                }

                continue;
            }

            var layer = ToLayer(requirement);
            if ((layers & (1 << (int)layer)) != 0)
            {
                continue;
            }

            scratch ??= Scratch.For(index);
            var suggestions = index.Ranker(layer).Top(scratch.TermsOf(prepared), SuggestionCount, scratch.Scores, scratch.Touched);
            var code = GapText.CodeFor(layer);
            (gaps ??= Scratch.Gaps()).Add(new Gap(
                code, rule.Severity, text.Message(code, kind, source),
                text.Fix(code, layer, kind, source, suggestions.Count > 0 ? suggestions[0].Id : null), suggestions));
        }

        if (prepared.Unknown is { } unknown)
        {
            scratch ??= Scratch.For(index);
            var severity = rule.Severity < GapSeverity.Warn ? rule.Severity : GapSeverity.Warn;
            foreach (var reference in unknown)
            {
                var suggestions = index.Ranker(reference.Layer).Top(CollectionsMarshal.AsSpan(scratch.WithId(index, scratch.TermsOf(prepared), reference.Id)), SuggestionCount, scratch.Scores, scratch.Touched);
                (gaps ??= Scratch.Gaps()).Add(new Gap(
                    GapCodes.UnknownRef, severity, GapText.UnknownMessage(reference.Id, reference.Layer),
                    GapText.UnknownFix(reference.Id, reference.Layer, suggestions.Count > 0 ? suggestions[0].Id : null), suggestions));
            }
        }

        if (gaps is null)
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

    /// <summary>Whether the item's own references with what the anatomy implies from them (<paramref name="ownClosure"/>)
    /// already meet every link <paramref name="rule"/> requires. Ancestors and linked items only ever add links, so such
    /// an item can have no missing-link gap whatever the rest of the batch holds, and needs no ranking terms.</summary>
    public bool MetByOwn(int[] ownClosure, PolicyRule rule)
    {
        var layers = Layers(ownClosure);
        for (var r = 0; r < rule.Require.Count; r++)
        {
            var requirement = rule.Require[r];
            if (requirement == LinkRequirement.WorkItem || (layers & (1 << (int)ToLayer(requirement))) == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The layers <paramref name="effective"/> reaches, one bit each.</summary>
    private int Layers(int[] effective)
    {
        var layers = 0;
        foreach (var element in effective)
        {
            layers |= 1 << (int)index.Elements[element].Layer;
        }

        return layers;
    }

    private static Layer ToLayer(LinkRequirement requirement) => requirement switch
    {
        LinkRequirement.Outcome => Layer.Outcome,
        LinkRequirement.Stage => Layer.Stage,
        LinkRequirement.Logic => Layer.Logic,
        _ => Layer.Component,
    };

    /// <summary>Per-thread buffers for ranking: term collection, one score per element, the elements scored; and the
    /// item's gaps.</summary>
    private sealed class Scratch
    {
        private readonly List<Gap> _gaps = [];

        private readonly List<int> _withId = [];
        private int[] _wide = new int[64];

        public List<int> Terms { get; } = [];

        public TermSet Seen { get; } = new();

        public List<int> Touched { get; } = [];

        public double[] Scores { get; private set; } = [];

        /// <summary>This thread's gap list, emptied.</summary>
        public static List<Gap> Gaps()
        {
            var gaps = (t_scratch ??= new Scratch())._gaps;
            gaps.Clear();
            return gaps;
        }

        public static Scratch For(AnatomyIndex index)
        {
            var scratch = t_scratch ??= new Scratch();
            if (scratch.Scores.Length < index.Elements.Length)
            {
                scratch.Scores = new double[index.Elements.Length];
            }

            return scratch;
        }

        /// <summary>The item's terms as 32-bit ids, in this thread's buffer (valid until the next item).</summary>
        public ReadOnlySpan<int> TermsOf(PreparedItem prepared) => prepared.Terms.Widen(ref _wide);

        /// <summary>The item's terms plus those of a mistyped id (<c>C-PRICNG-RULES</c> still shares <c>rules</c>).</summary>
        public List<int> WithId(AnatomyIndex index, ReadOnlySpan<int> terms, string id)
        {
            _withId.Clear();
            _withId.AddRange(terms);
            Seen.Clear(index.Vocabulary.Count);
            foreach (var term in terms)
            {
                Seen.Add(term);
            }

            index.Vocabulary.Collect(id, skipTags: false, _withId, Seen);
            return _withId;
        }
    }
}
