using System.Runtime.InteropServices;
using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.Core.Linkage.Ranking;

/// <summary>Ranks the anatomy's elements as suggestions for an item's gaps, on the terms of the item's title and body:
/// the elements of the missing layer for a missing link, the elements of the named layer for an id the anatomy does not
/// know (with that id's own words, so <c>C-PRICNG-RULES</c> still finds <c>rules</c>). Owns the working arrays of a
/// ranking (a score per element, the elements scored, the item's terms), reused item after item: one per worker, one
/// item at a time.</summary>
internal sealed class SuggestionRanker(AnatomyIndex index)
{
    /// <summary>The most suggestions a gap gets.</summary>
    public const int Count = 3;

    /// <summary>How far ahead of the second the first suggestion must score to lead clearly.</summary>
    public const double LeadRatio = 1.25;

    /// <summary>Whether the first of <paramref name="suggestions"/> clearly leads: it is the only one, or it scores at
    /// least <see cref="LeadRatio"/> times the second.</summary>
    public static bool FirstLeads(IReadOnlyList<Suggestion> suggestions) =>
        suggestions.Count == 1 || (suggestions.Count > 1 && suggestions[0].Score >= LeadRatio * suggestions[1].Score);

    /// <summary>One score per element of the largest layer; all zero between rankings.</summary>
    private readonly double[] _scores = new double[index.Elements.Length];

    /// <summary>The elements a ranking scored, to clear only those.</summary>
    private readonly List<int> _touched = [];

    /// <summary>The terms of the text being read, in order of first appearance, and which terms they are.</summary>
    private readonly List<int> _terms = [];
    private readonly TermSet _seen = new();

    /// <summary>An item's terms widened to 32 bits.</summary>
    private int[] _wide = new int[64];

    /// <summary>The distinct known terms of an item's <paramref name="title"/>, then its <paramref name="body"/>, in order
    /// of first appearance: what its suggestions are ranked on, kept with the item until its gaps are known.</summary>
    public TermIds TermsOf(string title, ReadOnlySpan<char> body, BodyFormat format)
    {
        var vocabulary = index.Vocabulary;
        _terms.Clear();
        _seen.Clear(vocabulary.Count);
        vocabulary.Collect(title, skipTags: false, _terms, _seen);
        vocabulary.Collect(body, skipTags: format == BodyFormat.Html, _terms, _seen);
        return TermIds.Of(_terms, vocabulary.Count);
    }

    /// <summary>The best elements of <paramref name="layer"/> for an item whose terms are <paramref name="itemTerms"/>.</summary>
    public IReadOnlyList<Suggestion> Rank(Layer layer, TermIds itemTerms) =>
        index.Bm25(layer).Top(itemTerms.Widen(ref _wide), _scores, _touched);

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
