using AnatomyBot.Core.Linkage.Ranking;

namespace AnatomyBot.Core.Tests.Linkage.Ranking;

public sealed class TermIdsTests
{
    [Theory]
    [InlineData(65_536, new[] { 0, 7, 65_535, 3 })]
    [InlineData(70_000, new[] { 0, 65_536, 69_999, 3 })]
    public void Widen_GivesTheIdsBackInOrder_NarrowOrNot(int vocabularySize, int[] ids)
    {
        var terms = TermIds.Of([.. ids], vocabularySize);
        var buffer = new int[1];

        Assert.Equal(ids.Length, terms.Length);
        Assert.Equal(ids, terms.Widen(ref buffer).ToArray());
    }

    [Fact]
    public void Empty_WidensToNothing()
    {
        var buffer = Array.Empty<int>();

        Assert.Equal(0, TermIds.Of([], 10).Length);
        Assert.True(TermIds.Empty.Widen(ref buffer).IsEmpty);
    }
}
