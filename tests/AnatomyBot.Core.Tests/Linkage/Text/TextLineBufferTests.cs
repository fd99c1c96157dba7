using System.Text;
using AnatomyBot.Core.Linkage.Text;

namespace AnatomyBot.Core.Tests.Linkage.Text;

/// <summary>Collapsing white space appends what a character-by-character reading appends: a run of white space becomes
/// one space, none at the start of the line or after a space.</summary>
public sealed class TextLineBufferTests
{
    [Theory]
    [InlineData("", "a b")]
    [InlineData("", " a b ")]
    [InlineData("x", " a")]
    [InlineData("x ", " a")]
    [InlineData("x", "a  b")]
    [InlineData("x", "a\tb\n c")]
    [InlineData("", "\u00A0a\u3000b")]
    [InlineData("x", " ")]
    [InlineData("", " ")]
    public void AppendCollapsed_Text_AsReadCharacterByCharacter(string start, string text)
    {
        Assert.Equal(Expected(start, text), Appended(start, text));
    }

    [Fact]
    public void AppendCollapsed_RandomText_AsReadCharacterByCharacter()
    {
        var random = new Random(17);
        const string Alphabet = "ab:  \t\n\r\u00A0\u2003\u3000\u0085é";
        for (var round = 0; round < 2_000; round++)
        {
            var start = new string([.. Enumerable.Range(0, random.Next(3)).Select(_ => "x "[random.Next(2)])]);
            var text = new string([.. Enumerable.Range(0, random.Next(12)).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);

            Assert.Equal(Expected(start, text), Appended(start, text));
        }
    }

    private static string Appended(string start, string text)
    {
        var line = new StringBuilder(start);
        TextLineBuffer.AppendCollapsed(text, line);
        return line.ToString();
    }

    private static string Expected(string start, string text)
    {
        var line = new StringBuilder(start);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                line.Append(c);
            }
            else if (line.Length > 0 && line[^1] != ' ')
            {
                line.Append(' ');
            }
        }

        return line.ToString();
    }
}
