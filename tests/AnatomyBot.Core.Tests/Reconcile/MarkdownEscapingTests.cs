using AnatomyBot.Core.Reconcile;
using Markdig;

namespace AnatomyBot.Core.Tests.Reconcile;

public sealed class MarkdownEscapingTests
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    [Theory]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("ping @octocat and @acme/team", "ping @&#8203;octocat and @&#8203;acme/team")]
    [InlineData("fixes #12, acme/api#3 and AB#7", "fixes #&#8203;12, acme/api#&#8203;3 and AB#&#8203;7")]
    [InlineData("#12 first", "\\#&#8203;12 first")]
    [InlineData("a | b", "a \\| b")]
    [InlineData("**bold** _it_ ~~s~~ $x$", "\\*\\*bold\\*\\* \\_it\\_ \\~\\~s\\~\\~ \\$x\\$")]
    [InlineData("![img](https://e.vil/x.png) [link](javascript:alert(1))", "!\\[img\\](https://e.vil/x.png) \\[link\\](javascript:alert(1))")]
    [InlineData("# heading\nsecond line\r\n- item", "\\# heading second line  - item")]
    [InlineData("Tom & Jerry `x`", "Tom &amp; Jerry \\`x\\`")]
    public void Escape_UserText_RendersAsThatText(string input, string expected)
    {
        Assert.Equal(expected, MarkdownText.Escape(input));
    }

    [Theory]
    [InlineData("<script>alert(1)</script> @octocat")]
    [InlineData("**x** [y](https://e.vil) <img src=x onerror=alert(1)>")]
    [InlineData("# not a heading | not a cell")]
    public void Escape_RenderedHtml_HasNoTagsLinksOrEmphasis(string input)
    {
        var html = Markdown.ToHtml("| a |\n| --- |\n| " + MarkdownText.Escape(input) + " |\n", Pipeline);

        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<a ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<h1>", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("<td>").Length + html.Split("<th>").Length - 2);
    }

    [Fact]
    public void EscapeKeepingCode_KeepsSafeCodeSpansAndSpaces()
    {
        Assert.Equal("Add `Stage: s-verify` to it", MarkdownText.EscapeKeepingCode("Add `Stage: s-verify` to it"));
        Assert.Equal("a \\`b", MarkdownText.EscapeKeepingCode("a `b"));
    }

    [Theory]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("docs/spec.md", null)]
    [InlineData("https://x.example/a (b)|c", "https://x.example/a%20%28b%29%7Cc")]
    public void SafeUrl_OnlyHttpAndEncoded(string url, string? expected)
    {
        Assert.Equal(expected, MarkdownText.SafeUrl(url));
    }

    [Fact]
    public void Code_WithPipe_FallsBackToEscapedText()
    {
        Assert.Equal("`c-kyc`", MarkdownText.Code("c-kyc"));
        Assert.Equal("a\\|b", MarkdownText.Code("a|b"));
    }

    [Fact]
    public void Comment_ComponentSpecWithScriptUrl_IsNotALink()
    {
        var anatomy = new AnatomyBot.Core.Anatomy.EnterpriseAnatomy([], [], [], [new AnatomyBot.Core.Anatomy.Component { Id = "c-x", Name = "X", Kind = AnatomyBot.Core.Anatomy.ComponentKind.Ui, Spec = "javascript:alert(1)" }]);
        var evaluation = ReconcileFixtures.GreenPullRequest() with { Trace = new AnatomyBot.Core.Linkage.Trace([], [], [], ["c-x"]) };

        var comment = CommentRenderer.Render(evaluation, anatomy);

        Assert.Contains("  - `c-x` X (ui) — spec `javascript:alert(1)`", comment, StringComparison.Ordinal);
        Assert.DoesNotContain("](javascript", comment, StringComparison.Ordinal);
    }
}
