using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.Core.Linkage;

/// <summary>Ranks the elements of one layer against an item's text with BM25 (k1 = 1.2, b = 0.75) over each element's
/// name, aliases and description. Deterministic: scores rounded to three decimals, ties broken by id.</summary>
internal sealed class Bm25Ranker
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    private readonly AnatomyElement[] _elements;
    private readonly Dictionary<int, (int Element, int Frequency)[]> _postings = [];
    private readonly Dictionary<int, double> _idf = [];

    public Bm25Ranker(IEnumerable<AnatomyElement> elements, TermVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        _elements = [.. elements.OrderBy(e => e.Id, StringComparer.OrdinalIgnoreCase).ThenBy(e => e.Id, StringComparer.Ordinal)];
        var lengths = new int[_elements.Length];
        var postings = new Dictionary<int, List<(int, int)>>();
        for (var i = 0; i < _elements.Length; i++)
        {
            var e = _elements[i];
            var counts = new Dictionary<int, int>();
            foreach (var term in TextTerms.All(string.Join(' ', [e.Name, .. e.Aliases, e.Description ?? ""])))
            {
                var id = vocabulary.Add(term);
                counts[id] = counts.GetValueOrDefault(id) + 1;
                lengths[i]++;
            }

            foreach (var (term, count) in counts)
            {
                if (!postings.TryGetValue(term, out var list))
                {
                    postings[term] = list = [];
                }

                list.Add((i, count));
            }
        }

        var average = lengths.Length == 0 ? 1 : Math.Max(1, lengths.Average());
        foreach (var (term, list) in postings)
        {
            var n = _elements.Length;
            _idf[term] = Math.Log(1 + ((n - list.Count + 0.5) / (list.Count + 0.5)));
            _postings[term] = [.. list.Select(p => (p.Item1, p.Item2))];
        }

        Norms = [.. lengths.Select(l => K1 * (1 - B + (B * l / average)))];
    }

    private double[] Norms { get; }

    public IReadOnlyList<Suggestion> Top(IReadOnlyList<int> queryTerms, int count, double[] scratch)
    {
        if (_elements.Length == 0 || queryTerms.Count == 0)
        {
            return [];
        }

        Array.Clear(scratch, 0, _elements.Length);
        for (var q = 0; q < queryTerms.Count; q++)
        {
            if (!_postings.TryGetValue(queryTerms[q], out var postings))
            {
                continue;
            }

            var idf = _idf[queryTerms[q]];
            foreach (var (element, frequency) in postings)
            {
                scratch[element] += idf * frequency * (K1 + 1) / (frequency + Norms[element]);
            }
        }

        return PickTop(scratch, count);
    }

    public int Count => _elements.Length;

    private Suggestion[] PickTop(double[] scores, int count)
    {
        Span<int> best = stackalloc int[count];
        var found = 0;
        for (var i = 0; i < _elements.Length; i++)
        {
            var score = Math.Round(scores[i], 3);
            scores[i] = score;
            if (score <= 0)
            {
                continue;
            }

            // Elements are sorted by id, so an equal score never displaces an earlier (smaller) id.
            var at = found;
            while (at > 0 && scores[best[at - 1]] < score)
            {
                at--;
            }

            if (at >= count)
            {
                continue;
            }

            for (var j = Math.Min(found, count - 1); j > at; j--)
            {
                best[j] = best[j - 1];
            }

            best[at] = i;
            found = Math.Min(found + 1, count);
        }

        var result = new Suggestion[found];
        for (var i = 0; i < found; i++)
        {
            result[i] = new Suggestion(_elements[best[i]].Id, scores[best[i]]);
        }

        return result;
    }
}
