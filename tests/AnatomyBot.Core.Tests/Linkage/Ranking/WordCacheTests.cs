using System.Text;
using AnatomyBot.Core.Linkage.Ranking;

namespace AnatomyBot.Core.Tests.Linkage.Ranking;

/// <summary>A worker's cache of words read: an item's terms come out the same with it as without it, whatever the words'
/// case, length or script and however many words share a slot.</summary>
public sealed class WordCacheTests
{
    private static readonly string[] AnatomyTexts =
    [
        "Purchase order approval", "Goods receipt matching", "Accounts payable ledger", "Requisition intake",
        "Invoice reconciliation auditor audit", "Pricing rules engine prices quotes", "Über-schnelle Aktivierung größerer Kunden",
        "café crème 2fa v2 ISO27001", "Document management documentation", "averyveryverylongterm",
    ];

    private static readonly string[] Words =
    [
        "PO", "POs", "po", "Po", "GR", "gr", "AP", "req", "REQ", "Req", "inv", "INV", "docs", "doc", "auditor", "auditors",
        "Audit", "AUDITED", "pricing", "PRICES", "priced", "quote", "Quotes", "the", "a", "and", "rules", "ledger",
        "reconciliation", "reconciliations", "reconciliationss", "averyveryverylongterm", "averyveryverylongterms",
        "größerer", "GRÖSSERER", "über", "Über", "café", "CAFÉ", "crème", "2fa", "2FA", "v2", "iso27001", "ISO27001",
        "x", "approval", "Approvals", "intake", "matching", "receipt", "payable", "accounts",
    ];

    private static readonly string[] Separators = [" ", ", ", "<b>", "</li><li>", " — ", "-", ".", "\n", "„", "…", "<br>", "é", ";"];

    [Fact]
    public void Collect_RandomTextWithACache_AddsWhatItAddsWithout()
    {
        var (vocabulary, abbreviations) = Build(AnatomyTexts);
        var cache = new WordCache();
        var random = new Random(5);
        for (var round = 0; round < 400; round++)
        {
            var text = new StringBuilder();
            for (var w = 0; w < random.Next(1, 40); w++)
            {
                text.Append(Words[random.Next(Words.Length)]);
                text.Append(Separators[random.Next(Separators.Length)]);
            }

            // Half the texts end inside a word, so words at the very end are read too.
            var written = round % 2 == 0 ? text.ToString() : text.ToString().TrimEnd(' ', ',', '.', ';', '-', '\n');
            var skipTags = round % 3 == 0;

            Assert.Equal(Collected(vocabulary, abbreviations, written, skipTags, cache: null), Collected(vocabulary, abbreviations, written, skipTags, cache));
        }
    }

    [Fact]
    public void Collect_FarMoreWordsThanSlots_AddsWhatItAddsWithout()
    {
        // Ten times more distinct words than slots: words keep replacing each other, and each text still reads the same.
        var random = new Random(7);
        var words = Enumerable.Range(0, 10 * WordCache.Slots).Select(i => RandomWord(random, i)).ToArray();
        var (vocabulary, abbreviations) = Build([.. AnatomyTexts, .. words.Where((_, i) => i % 2 == 0)]);
        var cache = new WordCache();
        for (var round = 0; round < 300; round++)
        {
            var text = string.Join(' ', Enumerable.Range(0, 200).Select(_ => words[random.Next(words.Length)]));

            Assert.Equal(Collected(vocabulary, abbreviations, text, skipTags: false, cache: null), Collected(vocabulary, abbreviations, text, skipTags: false, cache));
        }
    }

    [Theory]
    [InlineData("pricing rules", 7)]
    [InlineData("Pricing", 7)]
    [InlineData("PO, and more", 2)]
    [InlineData("a-b", 1)]
    [InlineData("x", 1)]
    [InlineData("ISO27001<b>", 8)]
    [InlineData("abcdefghijklmno", 15)]
    [InlineData("abcdefghijklmno rest of the line", 15)]
    public void TryReadKey_ShortAsciiWord_ReadsItsLength(string text, int length)
    {
        Assert.True(WordCache.TryReadKey(text, 0, out var key));
        Assert.Equal(length, key.Length);
    }

    [Theory]
    [InlineData("abcdefghijklmnop")]
    [InlineData("abcdefghijklmnopqrstuvwxyz and more")]
    [InlineData("café")]
    [InlineData("caféine and more text after it")]
    [InlineData("über")]
    [InlineData("Проверка")]
    [InlineData("x—y")]
    public void TryReadKey_LongOrNonAsciiWord_LeftToTheFullReader(string text)
    {
        Assert.False(WordCache.TryReadKey(text, 0, out _));
    }

    [Fact]
    public void TryReadKey_SameWordAnywhere_SameKey_OtherCaseOtherKey()
    {
        Assert.True(WordCache.TryReadKey("po", 0, out var atEnd));
        Assert.True(WordCache.TryReadKey("a po approval, and a long tail of text", 2, out var inText));
        Assert.True(WordCache.TryReadKey("PO", 0, out var capitals));
        Assert.True(WordCache.TryReadKey("pos", 0, out var longer));
        var cache = new WordCache();

        Assert.Equal(WordCache.SlotOf(atEnd), WordCache.SlotOf(inText));
        Assert.False(cache.TryGet(atEnd, out var slot, out _));
        cache.Store(slot, atEnd, new WordTerms(3, -1, null));
        Assert.True(cache.TryGet(inText, out _, out var found));
        Assert.Equal(3, found.Term);
        Assert.False(cache.TryGet(capitals, out _, out _));
        Assert.False(cache.TryGet(longer, out _, out _));
    }

    [Fact]
    public void Store_TwoWordsOneSlot_TheLaterReplacesTheEarlier()
    {
        Assert.True(WordCache.TryReadKey("approval", 0, out var first));
        var random = new Random(3);
        WordKey second;
        do
        {
            Assert.True(WordCache.TryReadKey(RandomAsciiWord(random), 0, out second));
        }
        while (WordCache.SlotOf(second) != WordCache.SlotOf(first) || second.Length == 0);

        var cache = new WordCache();
        Assert.False(cache.TryGet(first, out var slot, out _));
        cache.Store(slot, first, new WordTerms(1, -1, null));
        Assert.False(cache.TryGet(second, out var secondSlot, out _));
        Assert.Equal(slot, secondSlot);
        cache.Store(secondSlot, second, new WordTerms(2, -1, null));

        Assert.False(cache.TryGet(first, out _, out _));
        Assert.True(cache.TryGet(second, out _, out var found));
        Assert.Equal(2, found.Term);
    }

    private static (TermVocabulary Vocabulary, Abbreviations Abbreviations) Build(IEnumerable<string> texts)
    {
        var vocabulary = new TermVocabulary();
        var all = texts.ToList();
        foreach (var term in all.SelectMany(TextTerms.All))
        {
            vocabulary.Add(term);
        }

        vocabulary.FindRoots();
        return (vocabulary, Abbreviations.Build(vocabulary, all));
    }

    private static List<int> Collected(TermVocabulary vocabulary, Abbreviations abbreviations, string text, bool skipTags, WordCache? cache)
    {
        var terms = new List<int>();
        var seen = new TermSet();
        seen.Clear(vocabulary.Count);
        vocabulary.Collect(text, skipTags, terms, seen, abbreviations, cache);
        return terms;
    }

    private static string RandomWord(Random random, int i)
    {
        const string Letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéü";
        var word = new char[1 + random.Next(14)];
        for (var c = 0; c < word.Length; c++)
        {
            word[c] = Letters[random.Next(Letters.Length)];
        }

        return new string(word) + (i % 3 == 0 ? i.ToString(System.Globalization.CultureInfo.InvariantCulture) : "");
    }

    private static string RandomAsciiWord(Random random)
    {
        var word = new char[1 + random.Next(15)];
        for (var c = 0; c < word.Length; c++)
        {
            word[c] = (char)('a' + random.Next(26));
        }

        return new string(word);
    }
}
