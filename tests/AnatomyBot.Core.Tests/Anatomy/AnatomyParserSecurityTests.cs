using System.Text;
using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.Core.Tests.Anatomy;

public sealed class AnatomyParserSecurityTests
{
    [Fact]
    public void AliasBomb_IsRefusedAtTheFirstAnchor()
    {
        var bomb = new StringBuilder("version: 1\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var level = 'b'; level <= 'j'; level++)
        {
            var previous = (char)(level - 1);
            bomb.Append(level).Append(": &").Append(level).Append(" [")
                .AppendJoin(',', Enumerable.Repeat("*" + previous, 9)).Append("]\n");
        }

        var result = AnatomyParser.Parse(bomb.ToString());

        var error = Assert.Single(result.Errors);
        Assert.Equal("alias-forbidden", error.Code);
        Assert.Equal(new SourcePosition(2, 4), error.Position);
    }

    [Fact]
    public void Alias_WithoutAnchorInTheFile_IsRefused()
    {
        var error = Assert.Single(AnatomyParser.Parse("version: 1\noutcomes: *list\n").Errors);

        Assert.Equal("alias-forbidden", error.Code);
        Assert.Equal(new SourcePosition(2, 11), error.Position);
    }

    [Fact]
    public void MergeKey_UsingAnAlias_IsRefused()
    {
        var error = Assert.Single(AnatomyParser.Parse("version: 1\nbase: &b { name: x }\nother:\n  <<: *b\n").Errors);

        Assert.Equal("alias-forbidden", error.Code);
    }

    [Theory]
    [InlineData(65, true)]
    [InlineData(10_000, true)]
    [InlineData(60, false)]
    public void DeepNesting_IsRefusedPastTheLimit(int depth, bool refused)
    {
        var yaml = "version: 1\nx: " + new string('[', depth) + new string(']', depth) + "\n";

        var result = AnatomyParser.Parse(yaml);

        Assert.Equal(refused, result.Errors.Any(e => e.Code == "too-deep"));
        Assert.Null(result.Anatomy);
    }

    [Fact]
    public void DeepBlockNesting_IsRefused()
    {
        var yaml = new StringBuilder("version: 1\n");
        for (var i = 0; i < 100; i++)
        {
            yaml.Append(' ', i * 2).Append('k').Append(i).Append(":\n");
        }

        yaml.Append(' ', 200).Append("leaf: 1\n");

        var error = Assert.Single(AnatomyParser.Parse(yaml.ToString()).Errors);

        Assert.Equal("too-deep", error.Code);
    }

    [Fact]
    public void TextOverTheSizeLimit_IsRefusedWithoutParsing()
    {
        var error = Assert.Single(AnatomyParser.Parse(new string('#', (10 * 1024 * 1024) + 1)).Errors);

        Assert.Equal("too-large", error.Code);
    }

    [Fact]
    public void TooManyNodes_AreRefused()
    {
        var yaml = "version: 1\nx: [" + string.Join(',', Enumerable.Repeat("1", 260_000)) + "]\n";

        var error = Assert.Single(AnatomyParser.Parse(yaml).Errors);

        Assert.Equal("too-large", error.Code);
    }

    [Fact]
    public void ThousandsOfErrors_AreCappedWithASummaryLine()
    {
        var yaml = new StringBuilder("version: 1\n");
        for (var i = 0; i < 500; i++)
        {
            yaml.Append('k').Append(i).Append(": 1\n");
        }

        var errors = AnatomyParser.Parse(yaml.ToString()).Errors;

        Assert.Equal(201, errors.Count);
        Assert.Contains("300 more error(s)", errors[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RandomInput_NeverThrows()
    {
        var random = new Random(20261125);
        const string alphabet = "ab:- \n\t[]{}&*!|>'\"#%@`,?~\\0\u00e9\u0000";
        for (var i = 0; i < 3_000; i++)
        {
            var chars = new char[random.Next(0, 120)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = alphabet[random.Next(alphabet.Length)];
            }

            var result = AnatomyParser.Parse(new string(chars));

            Assert.NotNull(result);
            Assert.All(result.Errors, e => Assert.True(e.Position.Line >= 1 && e.Position.Column >= 1, e.ToString()));
        }
    }
}
