using System.Text;
using AnatomyBot.Core.Linkage.Text;

namespace AnatomyBot.Core.Tests.Linkage.Text;

public sealed class TextLinesTests
{
    [Fact]
    public void ManyAndLongLines_ReadBackExactly_AndClearStartsOver()
    {
        var lines = new TextLines();
        var expected = Enumerable.Range(0, 300).Select(i => new string((char)('a' + (i % 26)), i * 7)).ToList();
        var builder = new StringBuilder("xx");

        foreach (var line in expected)
        {
            builder.Append(line);
            lines.Add(builder, 2, line.Length);
            builder.Length = 2;
        }

        Assert.Equal(expected, lines.ToStrings());
        Assert.Equal(expected[299], lines[299].ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => lines[300].Length);

        lines.Clear();
        lines.Add("Stage: S-1");
        Assert.Equal(["Stage: S-1"], lines.ToStrings());
    }
}
