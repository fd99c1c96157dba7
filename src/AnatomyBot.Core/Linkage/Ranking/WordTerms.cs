namespace AnatomyBot.Core.Linkage.Ranking;

/// <summary>What one word of an item's text adds to its ranking terms, as <see cref="TermVocabulary.Collect"/> reads
/// it: a term (<see cref="Term"/>, with the term it is derived from, <see cref="Root"/>, when the word was not seen
/// before), or the terms an abbreviation stands for (<see cref="Expansion"/>), or nothing. A function of the word as
/// written and the vocabulary alone, so a worker may keep it per word (<see cref="WordCache"/>).</summary>
internal readonly struct WordTerms(int term, int root, int[]? expansion)
{
    /// <summary>A word that adds nothing (a stop word, a word the anatomy does not use).</summary>
    public static WordTerms None => new(TermVocabulary.NoTerm, TermVocabulary.NoTerm, null);

    /// <summary>The term the word is, or <see cref="TermVocabulary.NoTerm"/>.</summary>
    public int Term { get; } = term;

    /// <summary>The term <see cref="Term"/> is derived from, added with it, or <see cref="TermVocabulary.NoTerm"/>.</summary>
    public int Root { get; } = root;

    /// <summary>The terms the word abbreviates, or null.</summary>
    public int[]? Expansion { get; } = expansion;

    /// <summary>Appends the word's terms not yet in <paramref name="seen"/> to <paramref name="terms"/>.</summary>
    public void AddTo(List<int> terms, TermSet seen)
    {
        if (Term >= 0)
        {
            if (seen.Add(Term))
            {
                terms.Add(Term);
                if (Root >= 0 && seen.Add(Root))
                {
                    terms.Add(Root);
                }
            }

            return;
        }

        if (Expansion is { } expansion)
        {
            foreach (var term in expansion)
            {
                if (seen.Add(term))
                {
                    terms.Add(term);
                }
            }
        }
    }
}
