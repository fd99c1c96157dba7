using System.Text;
using AnatomyBot.Core.Linkage.Ranking;

namespace AnatomyBot.Core.Tests.Linkage.Ranking;

/// <summary>The vocabulary's own reader of item text (words found, lower-cased, hashed and stemmed in one pass) finds
/// exactly the terms <see cref="TextTerms.Next"/> reads, looked up one by one.</summary>
public sealed class TermVocabularyTests
{
    private static readonly string[] AnatomyTexts =
    [
        "Pricing rules engine prices quotes", "Credit check adapter for the bureau", "Activation workflow activated",
        "Über-schnelle Aktivierung größerer Kunden", "Проверка кредита клиента", "café crème 2fa v2 ISO27001",
        "averyveryveryveryverylongwordthatgoespastthirtytwoletters short",
    ];

    public static TheoryData<string, bool> Texts => new()
    {
        { "Pricing rules: the engine PRICES quotes (priced, pricing).", false },
        { "<div>Credit <b>check</b> adapter</div><p>for the bureau<br>and activation</p>", true },
        { "<div>Credit <b>check</b> adapter</div>", false },
        { "unclosed <tag and then pricing", true },
        { "Über-schnelle AKTIVIERUNG — größerer „Kunden“ … café/crème", false },
        { "Проверка КРЕДИТА клиента; 2FA v2 iso27001", false },
        { "averyveryveryveryverylongwordthatgoespastthirtytwoletters short shorts", false },
        { "a an the of to is it — stop words only", false },
        { "", true },
        { "<<<>>> <a href=\"x\">rules</a> > < rules", true },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Collect_FindsWhatTheWordReaderFinds(string text, bool skipTags)
    {
        var (vocabulary, ids) = Build();

        Assert.Equal(Expected(text, skipTags, ids), Collected(vocabulary, text, skipTags));
    }

    [Fact]
    public void Collect_RandomTextOverAThousandTerms_FindsWhatTheWordReaderFinds()
    {
        // Enough terms that the table grows several times; text mixing known words, unknown ones, tags and punctuation.
        var random = new Random(11);
        var words = Enumerable.Range(0, 1_000).Select(i => Word(random, i)).ToArray();
        var (vocabulary, ids) = Build(words.Where((_, i) => i % 3 != 0));
        for (var round = 0; round < 200; round++)
        {
            var text = new StringBuilder();
            for (var w = 0; w < 60; w++)
            {
                text.Append(random.Next(10) switch
                {
                    0 => "<span class=\"x\">",
                    1 => " — ",
                    2 => words[random.Next(words.Length)].ToUpperInvariant() + "ing",
                    _ => words[random.Next(words.Length)],
                });
                text.Append(random.Next(4) == 0 ? ", " : " ");
            }

            var skipTags = round % 2 == 0;
            Assert.Equal(Expected(text.ToString(), skipTags, ids), Collected(vocabulary, text.ToString(), skipTags));
        }
    }

    [Fact]
    public void Add_SameTermTwice_SameId()
    {
        var vocabulary = new TermVocabulary();

        var first = vocabulary.Add("pric");

        Assert.Equal(first, vocabulary.Add("pric"));
        Assert.NotEqual(first, vocabulary.Add("rule"));
        Assert.Equal(2, vocabulary.Count);
    }

    private static (TermVocabulary Vocabulary, Dictionary<string, int> Ids) Build(IEnumerable<string>? extra = null)
    {
        var vocabulary = new TermVocabulary();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in AnatomyTexts.Concat(extra ?? []).SelectMany(TextTerms.All))
        {
            ids[term] = vocabulary.Add(term);
        }

        return (vocabulary, ids);
    }

    private static List<int> Collected(TermVocabulary vocabulary, string text, bool skipTags)
    {
        var terms = new List<int>();
        var seen = new TermSet();
        seen.Clear(vocabulary.Count);
        vocabulary.Collect(text, skipTags, terms, seen);
        return terms;
    }

    /// <summary>The reference: every word <see cref="TextTerms.Next"/> reads, looked up in a dictionary, each id once.</summary>
    private static List<int> Expected(string text, bool skipTags, Dictionary<string, int> ids)
    {
        var expected = new List<int>();
        var position = 0;
        var buffer = new char[TextTerms.MaxTermLength];
        int length;
        while ((length = TextTerms.Next(text, ref position, buffer, skipTags, skipStopWords: false)) > 0)
        {
            if (ids.TryGetValue(new string(buffer, 0, length), out var id) && !expected.Contains(id))
            {
                expected.Add(id);
            }
        }

        return expected;
    }

    private static string Word(Random random, int i)
    {
        const string Letters = "abcdefghijklmnopqrstuvwxyzéüß";
        var word = new char[3 + random.Next(8)];
        for (var c = 0; c < word.Length; c++)
        {
            word[c] = Letters[random.Next(Letters.Length)];
        }

        return new string(word) + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
