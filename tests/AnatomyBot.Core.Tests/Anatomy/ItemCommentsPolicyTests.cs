using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Tests.Anatomy;

public sealed class ItemCommentsPolicyTests
{
    [Theory]
    [InlineData("", ItemComments.OnGaps)]
    [InlineData("  itemComments: on-gaps\n", ItemComments.OnGaps)]
    [InlineData("  itemComments: never\n", ItemComments.Never)]
    public void Parse_ItemComments_DefaultsToOnGaps(string line, ItemComments expected)
    {
        var result = AnatomyParser.Parse("version: 1\npolicy:\n  exempt: { labels: [skip] }\n" + line);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(expected, result.Anatomy!.Policy.ItemComments);
    }

    [Fact]
    public void Parse_ItemCommentsUnknown_ErrorNamesTheValuesAndTheNearest()
    {
        var result = AnatomyParser.Parse("version: 1\npolicy:\n  itemComments: on-gap\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal(AnatomyDiagnosticCodes.InvalidValue, error.Code);
        Assert.Contains("'on-gap' is not one of on-gaps | never (did you mean 'on-gaps'?)", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, error.Position.Line);
    }
}
