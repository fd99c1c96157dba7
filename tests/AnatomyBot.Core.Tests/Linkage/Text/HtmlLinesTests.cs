using System.Text;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Linkage.Text;

namespace AnatomyBot.Core.Tests.Linkage.Text;

public sealed class HtmlLinesTests
{
    [Theory]
    [InlineData("<div>Intro<br>Outcome: O-1<br/>Stage: S-2</div><p><b>Component</b>: C-3</p>")]
    [InlineData("<ul><li>Stage: S-1</li><li>Component:&nbsp;C-2 &amp; more</li></ul>")]
    [InlineData("<p>See <a href=\"https://dev.azure.com/a/b/_workitems/edit/12\">the story</a> now</p>")]
    [InlineData("<div><p>Outcome: O-1<div><span>unclosed")]
    [InlineData("<p>Logic: <code>L-1</code></p><pre>Component: C-9</pre>text after")]
    [InlineData("plain text: no tags\nsecond: line")]
    [InlineData("<table><tr><td>Stage: S-1</td><td>Component: C-1</td></tr></table>")]
    public void LightReader_GivesTheSameLinesAsTheFullParser(string html)
    {
        var full = new TextLines();
        var light = new TextLines();

        HtmlLines.Read(html, full);
        Assert.True(LightHtmlLines.Handles(html));
        LightHtmlLines.Read(html, new StringBuilder(), light);

        Assert.Equal(full.ToStrings(), light.ToStrings());
    }

    [Fact]
    public void ProseLines_AreLeftOut_LinesThatMayReferenceAreKept()
    {
        const string Html = "<div>As a buyer I want quotes</div><div>Stage: S-1</div><p>See #12</p><p>https://x/y</p><p>just words</p>";
        var light = new TextLines();
        var full = new TextLines();

        LightHtmlLines.Read(Html, new StringBuilder(), light);
        HtmlLines.Read(Html, full);

        Assert.Equal(["Stage: S-1", "See #12", "https://x/y"], light.ToStrings());
        Assert.Equal(light.ToStrings(), full.ToStrings());
    }

    [Theory]
    [InlineData("<script>x</script>")]
    [InlineData("<!-- Component: C-1 -->")]
    [InlineData("<STYLE>p{}</STYLE>")]
    public void RawTextAndComments_GoToTheFullParser(string html)
    {
        Assert.False(LightHtmlLines.Handles(html));
        var lines = new TextLines();
        HtmlLines.Read(html, lines);
        Assert.Equal(0, lines.Count);
    }

    [Fact]
    public void DeeplyNestedHtml_IsReadLinearly_WithADiagnostic()
    {
        var html = "<script>x</script>" + string.Concat(Enumerable.Repeat("<div>", 50_000)) + "Stage: S-APPLY";
        var scratch = new TextScratch();

        var lines = BodyLines.Read(html, BodyFormat.Html, scratch);

        Assert.Equal(["Stage: S-APPLY"], lines.ToStrings());
        Assert.Single(scratch.Diagnostics);
    }
}
