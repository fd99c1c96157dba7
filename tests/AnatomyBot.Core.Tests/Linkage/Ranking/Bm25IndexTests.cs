using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage.Ranking;

namespace AnatomyBot.Core.Tests.Linkage.Ranking;

public sealed class Bm25IndexTests
{
    private static readonly string[] Words =
        ["alpha", "bravo", "delta", "kilo", "lima", "metro", "omega", "pivot", "quota", "radar", "sigma", "tango", "ultra", "zulu"];

    [Fact]
    public void SmallerGroupTables_RankExactlyAsGroupsOfFour()
    {
        var random = new Random(5);
        var components = Enumerable.Range(0, 90).Select(i => (AnatomyElement)new Component
        {
            Id = $"C-{i:D2}",
            Name = Words[i % Words.Length] + (i == 41 ? " xylophone" : ""),
            Description = string.Join(' ', Enumerable.Range(0, 2 + random.Next(8)).Select(_ => Words[random.Next(Words.Length)])),
            Kind = ComponentKind.Data,
        }).ToArray();
        var vocabulary = new TermVocabulary();
        var four = new Bm25Index(components, vocabulary);
        var two = new Bm25Index(components, vocabulary, maxTableBytes: 16L * 4 * components.Length * sizeof(double) - 1);
        var one = new Bm25Index(components, vocabulary, maxTableBytes: 0);
        Assert.Equal((4, 2, 1), (four.GroupSize, two.GroupSize, one.GroupSize));

        var scores = new double[components.Length];
        var touched = new List<int>();
        for (var q = 0; q < 200; q++)
        {
            var terms = Words.Append("xylophone").Where(_ => random.Next(4) == 0).Select(vocabulary.Add).ToArray();
            var expected = four.Top(terms, scores, touched);

            Assert.Equal(expected, two.Top(terms, scores, touched));
            Assert.Equal(expected, one.Top(terms, scores, touched));
            Assert.Equal(expected, four.Top([.. terms.Reverse()], scores, touched));
            Assert.All(scores, s => Assert.Equal(0, s));
        }
    }

    [Fact]
    public void RareTermsOnly_ScoreOnlyTheElementsHavingThem_AndLeaveScoresClear()
    {
        var components = Enumerable.Range(0, 40).Select(i => (AnatomyElement)new Component
        {
            Id = $"C-{i:D2}",
            Name = "ledger" + (i is 7 or 30 ? " zebra" : "") + (i == 12 ? " yak" : ""),
            Kind = ComponentKind.Data,
        }).ToArray();
        var vocabulary = new TermVocabulary();
        var ranker = new Bm25Index(components, vocabulary);
        var scores = new double[components.Length];

        var top = ranker.Top([vocabulary.Add("zebra"), vocabulary.Add("yak")], scores, []);

        Assert.Equal(["C-12", "C-07", "C-30"], top.Select(s => s.Id));
        Assert.Equal(top[1].Score, top[2].Score);
        Assert.All(scores, s => Assert.Equal(0, s));
    }
}
