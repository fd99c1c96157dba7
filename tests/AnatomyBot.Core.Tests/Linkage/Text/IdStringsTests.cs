using AnatomyBot.Core.Linkage.Text;

namespace AnatomyBot.Core.Tests.Linkage.Text;

public sealed class IdStringsTests
{
    [Fact]
    public void Of_SameCharacters_SameString_OtherCharacters_TheirOwn()
    {
        var strings = new IdStrings();
        var first = strings.Of("C-PRICING-RULES (engine)".AsSpan(0, 15));

        Assert.Equal("C-PRICING-RULES", first);
        Assert.Same(first, strings.Of("x C-PRICING-RULES".AsSpan(2)));
        Assert.Equal("C-PRICING-RULEZ", strings.Of("C-PRICING-RULEZ"));
    }

    [Fact]
    public void Of_ManyIdsSharingSlots_EachComesBackAsWritten()
    {
        // More ids than slots: every slot is shared and overwritten, and each answer must still be its own id.
        var strings = new IdStrings();
        var ids = Enumerable.Range(0, 5_000).Select(i => $"C-{i}").ToArray();

        foreach (var id in ids.Concat(ids.Reverse()))
        {
            Assert.Equal(id, strings.Of(id.AsSpan()));
        }
    }
}
