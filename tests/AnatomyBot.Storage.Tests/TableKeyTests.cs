using AnatomyBot.Storage.Tables;

namespace AnatomyBot.Storage.Tests;

public sealed class TableKeyTests
{
    [Theory]
    [InlineData("octo/repo#45", "octo~2Frepo~2345")]
    [InlineData("Area\\Path", "Area~5CPath")]
    [InlineData("what?", "what~3F")]
    [InlineData("a~b|c%", "a~7Eb~7Cc~25")]
    [InlineData("plain-id_42", "plain-id_42")]
    public void Escape_ForbiddenAndReservedCharacters_BecomeHexEscapes(string id, string key)
    {
        Assert.Equal(key, TableKey.Escape(id));
        Assert.Equal(id, TableKey.Unescape(key));
    }

    [Fact]
    public void Escape_ControlCharacters_AreEscapedAndRoundTrip()
    {
        var id = "tab\there\u0001\u007f\u0085ünï码";

        var key = TableKey.Escape(id);

        Assert.DoesNotContain(key, c => c < 0x20 || c is >= (char)0x7F and <= (char)0x9F);
        Assert.Equal(id, TableKey.Unescape(key));
    }
}
