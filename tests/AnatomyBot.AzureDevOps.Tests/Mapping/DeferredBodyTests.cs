using System.Text;
using System.Text.Json;
using AnatomyBot.AzureDevOps.Mapping;

namespace AnatomyBot.AzureDevOps.Tests.Mapping;

public sealed class DeferredBodyTests
{
    [Theory]
    [InlineData("<p>plain</p>", false)]
    [InlineData("", false)]
    [InlineData("caf\u00e9 \u4e2d \U0001F600", false)]
    [InlineData(@"say \""hi\"" \u003cb\u003e \\ \/ \n\t", true)]
    [InlineData(@"\u00e9 and \\u0064 (an escaped backslash, then text)", true)]
    public void TryReadInPlace_DeferringBody_StringThatCannotFail_IsLeftAsItsToken_AndDecodesAsReadApart(string value, bool escaped)
    {
        var json = Encoding.UTF8.GetBytes($$$"""[{"id":7,"fields":{"System.Title":"T","System.Description":"{{{value}}}"}}]""");
        var reader = new AzureDevOpsItemReader(null);

        Assert.True(ReadInPlace(reader, json));

        var token = Assert.IsType<JsonStringToken>(reader.DeferredBody);
        Assert.Equal(escaped, token.IsEscaped);
        Assert.True(reader.Body.IsEmpty);
        var room = new char[token.Length];
        var text = room.AsSpan(0, JsonStringToken.Decode(json.AsSpan(token.Start, token.Length), token.IsEscaped, room)).ToString();
        var apart = new AzureDevOpsItemReader(null);
        Assert.True(apart.TryRead(json.AsSpan(1, json.Length - 2), out _));
        Assert.Null(apart.DeferredBody);
        Assert.Equal(apart.Body.ToString(), text);
        Assert.Equal(apart.Draft.Diagnostics, reader.Draft.Diagnostics);
    }

    [Theory]
    [InlineData("\"pair \\ud83d\\ude00\"", "pair \U0001F600", "")]
    [InlineData("\"lone \\uD800\"", "", "`System.Description` is not valid UTF-8 text and was ignored")]
    [InlineData("42", "42", "")]
    [InlineData("true", "true", "")]
    [InlineData("null", "", "")]
    public void TryReadInPlace_DeferringBody_ValueThatMayFailOrIsNoString_IsDecodedAtOnce(string value, string body, string diagnostic)
    {
        var json = Encoding.UTF8.GetBytes($$$"""[{"id":7,"fields":{"System.Title":"T","System.Description":{{{value}}}}}]""");
        var reader = new AzureDevOpsItemReader(null);

        Assert.True(ReadInPlace(reader, json));

        Assert.Null(reader.DeferredBody);
        Assert.Equal(body, reader.Body.ToString());
        Assert.Equal(diagnostic, string.Join("|", reader.Draft.Diagnostics));
    }

    [Fact]
    public void TryReadInPlace_DeferringBody_LastDescriptionWins_AndALaterFieldsObjectDropsIt()
    {
        var reader = new AzureDevOpsItemReader(null);

        Assert.True(ReadInPlace(reader, """[{"id":7,"fields":{"System.Description":"first","System.Description":42}}]"""u8.ToArray()));
        Assert.Null(reader.DeferredBody);
        Assert.Equal("42", reader.Body.ToString());

        Assert.True(ReadInPlace(reader, """[{"id":7,"fields":{"System.Description":42,"System.Description":"second"}}]"""u8.ToArray()));
        Assert.Equal(new JsonStringToken(64, 8, false), reader.DeferredBody);
        Assert.True(reader.Body.IsEmpty);

        Assert.True(ReadInPlace(reader, """[{"id":7,"fields":{"System.Description":"first"},"fields":{"System.Title":"x"}}]"""u8.ToArray()));
        Assert.Null(reader.DeferredBody);
        Assert.True(reader.Body.IsEmpty);
    }

    [Fact]
    public void TryRead_FromBytes_NeverDefers_EvenAfterAnInPlaceRead()
    {
        var reader = new AzureDevOpsItemReader(null);
        Assert.True(ReadInPlace(reader, """[{"id":7,"fields":{"System.Description":"in place"}}]"""u8.ToArray()));

        Assert.True(reader.TryRead("""{"id":8,"fields":{"System.Description":"apart"}}"""u8, out _));

        Assert.Null(reader.DeferredBody);
        Assert.Equal("apart", reader.Body.ToString());
    }

    [Theory]
    [InlineData("\"plain\"", "plain")]
    [InlineData("\"caf\\u00e9 \\\"q\\\"\"", "caf\u00e9 \"q\"")]
    [InlineData("\"\"", "")]
    public void TryReadInPlace_DeferringBody_TitleThatCannotFailOrBeCut_IsLeftAsItsToken(string json, string title)
    {
        var bytes = Encoding.UTF8.GetBytes($$$"""[{"id":7,"fields":{"System.Title":{{{json}}}}}]""");
        var reader = new AzureDevOpsItemReader(null);

        Assert.True(ReadInPlace(reader, bytes));

        var token = Assert.IsType<JsonStringToken>(reader.DeferredTitle);
        Assert.Equal(json, Encoding.UTF8.GetString(bytes.AsSpan(token.Start, token.Length)));
        Assert.Equal("", reader.Draft.Title);
        Assert.Equal(title, JsonStringToken.ToText(bytes.AsSpan(token.Start, token.Length), token.IsEscaped));
        Assert.Empty(reader.Draft.Diagnostics);
    }

    [Theory]
    [InlineData("\"lone \\udc00\"", "", "`System.Title` is not valid UTF-8 text and was ignored")]
    [InlineData("12", "12", "")]
    public void TryReadInPlace_DeferringBody_TitleThatMayFailOrIsNoString_IsReadAtOnce(string json, string title, string diagnostic)
    {
        var reader = new AzureDevOpsItemReader(null);

        Assert.True(ReadInPlace(reader, Encoding.UTF8.GetBytes($$$"""[{"id":7,"fields":{"System.Title":{{{json}}}}}]""")));

        Assert.Null(reader.DeferredTitle);
        Assert.Equal(title, reader.Draft.Title);
        Assert.Equal(diagnostic, string.Join("|", reader.Draft.Diagnostics));
    }

    [Fact]
    public void TryReadInPlace_DeferringBody_TitleLongerThanKept_IsCutAtOnce_WithItsDiagnostic()
    {
        var reader = new AzureDevOpsItemReader(null);
        var kept = new string('k', AnatomyBot.Core.Linkage.ItemJson.MaxTitleLength);

        Assert.True(ReadInPlace(reader, Encoding.UTF8.GetBytes($$$"""[{"id":7,"fields":{"System.Title":"{{{kept}}}"}}]""")));
        Assert.NotNull(reader.DeferredTitle);

        Assert.True(ReadInPlace(reader, Encoding.UTF8.GetBytes($$$"""[{"id":7,"fields":{"System.Title":"{{{kept}}}x"}}]""")));
        Assert.Null(reader.DeferredTitle);
        Assert.Equal(kept + "\u2026", reader.Draft.Title);
        Assert.Single(reader.Draft.Diagnostics);
    }

    [Theory]
    [InlineData(@"no escape", false)]
    [InlineData(@"\u00e9\n\""", false)]
    [InlineData(@"\ud83d\ude00", true)]
    [InlineData(@"x\uDFFF", true)]
    [InlineData(@"\\ud800", true)]
    public void MayFail_IsTrueForEveryEscapedSurrogate(string value, bool mayFail) =>
        Assert.Equal(mayFail, JsonStringToken.MayFail(Encoding.UTF8.GetBytes(value)));

    /// <summary>Reads the one item of a JSON array in the array's own pass, as <c>check</c>'s reading thread does.</summary>
    private static bool ReadInPlace(AzureDevOpsItemReader reader, byte[] json)
    {
        var pass = new Utf8JsonReader(json);
        pass.Read();
        pass.Read();
        return reader.TryReadInPlace(ref pass, deferBody: true);
    }
}
