using AnatomyBot.Core.Linkage.Ranking;

namespace AnatomyBot.Core.Tests.Linkage.Ranking;

/// <summary>The light suffix strip: the first of -ing, -ed, -es, -s, -e that leaves at least three letters.</summary>
public sealed class TextTermsTests
{
    [Theory]
    [InlineData("pricing", "pric")]
    [InlineData("thing", "thing")] // -ing would leave two letters
    [InlineData("sing", "sing")]
    [InlineData("strong", "strong")]
    [InlineData("priced", "pric")]
    [InlineData("used", "used")] // -ed would leave two letters, and -d is no suffix
    [InlineData("gold", "gold")]
    [InlineData("prices", "pric")]
    [InlineData("uses", "use")] // -es would leave two letters: -s
    [InlineData("rules", "rul")]
    [InlineData("rule", "rul")]
    [InlineData("quotes", "quot")]
    [InlineData("bus", "bus")] // shorter than four: as it is
    [InlineData("axes", "axe")]
    [InlineData("gas", "gas")]
    [InlineData("address", "addres")]
    [InlineData("ledger", "ledger")]
    [InlineData("eee", "eee")]
    [InlineData("eeee", "eee")]
    [InlineData("ingg", "ingg")]
    [InlineData("xinging", "xing")]
    public void Stem_Word_StripsTheFirstSuffixThatLeavesThreeLetters(string word, string expected)
    {
        Assert.Equal(expected, word[..TextTerms.Stem(word)]);
    }
}
