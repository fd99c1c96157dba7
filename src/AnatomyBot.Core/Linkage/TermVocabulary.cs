namespace AnatomyBot.Core.Linkage;

/// <summary>The terms of the anatomy's text, numbered once so items can be ranked without allocating strings.</summary>
internal sealed class TermVocabulary
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public TermVocabulary() => _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Numbers a term; only terms of <see cref="TextTerms.All"/> (never a stop word) may be added.</summary>
    public int Add(string term)
    {
        if (!_ids.TryGetValue(term, out var id))
        {
            id = _ids.Count;
            _ids[term] = id;
        }

        return id;
    }

    public int Count => _ids.Count;

    /// <summary>The distinct known terms of <paramref name="text"/>, appended to <paramref name="terms"/>.</summary>
    public void Collect(ReadOnlySpan<char> text, bool skipTags, List<int> terms, TermSet seen)
    {
        Span<char> buffer = stackalloc char[TextTerms.MaxTermLength];
        var position = 0;
        int length;
        while ((length = TextTerms.Next(text, ref position, buffer, skipTags, skipStopWords: false)) > 0)
        {
            if (_lookup.TryGetValue(buffer[..length], out var id) && seen.Add(id))
            {
                terms.Add(id);
            }
        }
    }
}
