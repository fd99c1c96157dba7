using System.Runtime.InteropServices;
using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.Core.Linkage.Ranking;

/// <summary>Ranks the anatomy's elements as suggestions for an item's gaps, on the terms of the item's title and body
/// (abbreviations of the anatomy's words read as the words): the elements of the missing layer for a missing link, the
/// elements of the named layer for an id the anatomy does not know (with that id's own words, so <c>C-PRICNG-RULES</c>
/// still finds <c>rules</c>). For a missing link, what the item's trace already says comes first: the elements below
/// the logic it reaches, then below the stages it reaches (stage → logic → components), lead the others when its text
/// matches them; the rest follow by text alone, and elements below its trace that its text does not match fill the
/// places left. Owns the working arrays of a ranking (a score per element, the elements scored, the item's terms),
/// reused item after item: one per worker, one item at a time.</summary>
internal sealed class SuggestionRanker(AnatomyIndex index)
{
    /// <summary>The most suggestions a gap gets.</summary>
    public const int Count = 3;

    /// <summary>How far ahead of the second the first suggestion must score to lead clearly.</summary>
    public const double LeadRatio = 1.25;

    /// <summary>The most elements below an item's trace considered for one gap (every lookup bounded).</summary>
    public const int MaxBelow = 256;

    /// <summary>Whether the first of <paramref name="suggestions"/> clearly leads: it is the only one, or it scores at
    /// least <see cref="LeadRatio"/> times the second.</summary>
    public static bool FirstLeads(IReadOnlyList<Suggestion> suggestions) =>
        suggestions.Count == 1 || (suggestions.Count > 1 && suggestions[0].Score >= LeadRatio * suggestions[1].Score);

    /// <summary>The positions (in the missing layer's index) of the elements below the item's trace, and how close
    /// each is: the layer of the nearest trace element above it.</summary>
    private readonly List<int> _below = [];
    private readonly List<int> _closeness = [];
    private double[] _belowScores = new double[16];

    /// <summary>One score per element of the largest layer; all zero between rankings.</summary>
    private readonly double[] _scores = new double[index.Elements.Length];

    /// <summary>The elements a ranking scored, to clear only those.</summary>
    private readonly List<int> _touched = [];

    /// <summary>The terms of the text being read, in order of first appearance, and which terms they are.</summary>
    private readonly List<int> _terms = [];
    private readonly TermSet _seen = new();

    /// <summary>What the words read so far add to an item's terms (item after item: descriptions repeat their words).</summary>
    private readonly WordCache _words = new();

    /// <summary>An item's terms widened to 32 bits.</summary>
    private int[] _wide = new int[64];

    /// <summary>The distinct known terms of an item's <paramref name="title"/>, then its <paramref name="body"/>, in order
    /// of first appearance: what its suggestions are ranked on, kept with the item until its gaps are known.</summary>
    public TermIds TermsOf(string title, ReadOnlySpan<char> body, BodyFormat format)
    {
        var vocabulary = index.Vocabulary;
        _terms.Clear();
        _seen.Clear(vocabulary.Count);
        vocabulary.Collect(title, skipTags: false, _terms, _seen, index.Abbreviations, _words);
        vocabulary.Collect(body, skipTags: format == BodyFormat.Html, _terms, _seen, index.Abbreviations, _words);
        return TermIds.Of(_terms, vocabulary.Count);
    }

    /// <summary>The best elements of <paramref name="layer"/> for an item whose terms are <paramref name="itemTerms"/>
    /// and whose effective trace is <paramref name="trace"/> (sorted element indices), and whether the first clearly
    /// leads: its text matches, and it is the only suggestion, or closer to the trace than the second, or as close
    /// and scoring at least <see cref="LeadRatio"/> times the second.</summary>
    public (IReadOnlyList<Suggestion> Suggestions, bool FirstLeads) Rank(Layer layer, TermIds itemTerms, ReadOnlySpan<int> trace)
    {
        var bm25 = index.Bm25(layer);
        CollectBelow(layer, trace);
        if (_belowScores.Length < _below.Count)
        {
            _belowScores = new double[Math.Max(_below.Count, _belowScores.Length * 2)];
        }

        var belowScores = _belowScores.AsSpan(0, _below.Count);
        Span<int> byText = stackalloc int[Count];
        Span<double> byTextScores = stackalloc double[Count];
        var found = bm25.Top(itemTerms.Widen(ref _wide), _scores, _touched, CollectionsMarshal.AsSpan(_below), belowScores, byText, byTextScores);
        if (_below.Count == 0)
        {
            var suggestions = new Suggestion[found];
            for (var i = 0; i < found; i++)
            {
                suggestions[i] = new Suggestion(bm25.IdAt(byText[i]), byTextScores[i]);
            }

            return (suggestions, FirstLeads(suggestions));
        }

        // Matched below the trace (closest first, then by score), then the rest by text, then unmatched below the trace.
        // An entry of order is an index into _below, or the complement of one into byText (positions, as _below's are).
        Span<int> order = stackalloc int[Count];
        var placed = 0;
        while (placed < Count && NextBelow(belowScores, matched: true, order[..placed]) is var below and >= 0)
        {
            order[placed++] = below;
        }

        for (var t = 0; t < found && placed < Count; t++)
        {
            if (!_below.Contains(byText[t]))
            {
                order[placed++] = ~t;
            }
        }

        while (placed < Count && NextBelow(belowScores, matched: false, order[..placed]) is var below and >= 0)
        {
            order[placed++] = below;
        }

        var result = new Suggestion[placed];
        for (var i = 0; i < placed; i++)
        {
            result[i] = order[i] >= 0
                ? new Suggestion(bm25.IdAt(_below[order[i]]), belowScores[order[i]])
                : new Suggestion(bm25.IdAt(byText[~order[i]]), byTextScores[~order[i]]);
        }

        var leads = placed > 0 && result[0].Score > 0 &&
            (placed == 1 || Closeness(order[0]) > Closeness(order[1]) || result[0].Score >= LeadRatio * result[1].Score);
        return (result, leads);
    }

    /// <summary>How close an entry of a ranking's order is to the item's trace (0: not below it).</summary>
    private int Closeness(int entry) => entry >= 0 ? _closeness[entry] : 0;

    /// <summary>The best element below the trace not yet in <paramref name="placed"/> whose text matches (or, when not
    /// <paramref name="matched"/>, does not): closest first, then highest score, then first in id order; -1 if none.</summary>
    private int NextBelow(ReadOnlySpan<double> scores, bool matched, ReadOnlySpan<int> placed)
    {
        var best = -1;
        for (var i = 0; i < _below.Count; i++)
        {
            if ((scores[i] > 0) != matched || placed.Contains(i))
            {
                continue;
            }

            if (best < 0 || _closeness[i] > _closeness[best] ||
                (_closeness[i] == _closeness[best] && (scores[i] > scores[best] || (scores[i] == scores[best] && _below[i] < _below[best]))))
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>Fills <see cref="_below"/> with the elements of <paramref name="layer"/> below the elements of
    /// <paramref name="trace"/> (stages and logic; outcomes too for a missing stage), each once with its closeness.</summary>
    private void CollectBelow(Layer layer, ReadOnlySpan<int> trace)
    {
        _below.Clear();
        _closeness.Clear();
        var elements = index.Elements;
        foreach (var above in trace)
        {
            var aboveLayer = elements[above].Layer;
            if (aboveLayer >= layer || (aboveLayer == Layer.Outcome && layer != Layer.Stage))
            {
                continue;
            }

            foreach (var element in index.Below[above])
            {
                if (elements[element].Layer != layer)
                {
                    continue;
                }

                var position = index.RankPosition[element];
                var at = _below.IndexOf(position);
                if (at >= 0)
                {
                    _closeness[at] = Math.Max(_closeness[at], (int)aboveLayer);
                }
                else if (_below.Count < MaxBelow)
                {
                    _below.Add(position);
                    _closeness.Add((int)aboveLayer);
                }
            }
        }
    }

    /// <summary>The likely targets of <paramref name="unknown"/>, an id the anatomy does not know: the best elements of
    /// its layer for the item's terms and the words of the id itself.</summary>
    public IReadOnlyList<Suggestion> RankFor(ElementReference unknown, TermIds itemTerms)
    {
        var terms = itemTerms.Widen(ref _wide);
        _terms.Clear();
        _terms.AddRange(terms);
        _seen.Clear(index.Vocabulary.Count);
        foreach (var term in terms)
        {
            _seen.Add(term);
        }

        index.Vocabulary.Collect(unknown.Id, skipTags: false, _terms, _seen);
        return index.Bm25(unknown.Layer).Top(CollectionsMarshal.AsSpan(_terms), _scores, _touched);
    }
}
