using System.Text;
using AnatomyBot.Core.Linkage.Text;

namespace AnatomyBot.Core.Tests.Linkage.Text;

public sealed class Fnv1aTests
{
    /// <summary>The published FNV-1a (32-bit) test vectors; ASCII text hashes the same as characters or as bytes.</summary>
    [Theory]
    [InlineData("", 0x811c9dc5u)]
    [InlineData("a", 0xe40c292cu)]
    [InlineData("foobar", 0xbf9cf968u)]
    public void Of_KnownVectors_AsCharactersAndAsBytes(string text, uint expected)
    {
        Assert.Equal(expected, Fnv1a.Of(text.AsSpan()));
        Assert.Equal(expected, Fnv1a.Of(Encoding.ASCII.GetBytes(text).AsSpan()));
    }

    [Fact]
    public void Step_CharacterByCharacter_EqualsTheWholeText()
    {
        var hash = Fnv1a.Seed;
        foreach (var c in "pricing")
        {
            hash = Fnv1a.Step(hash, c);
        }

        Assert.Equal(Fnv1a.Of("pricing".AsSpan()), hash);
    }
}
