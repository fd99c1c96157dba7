using System.Net;
using System.Text.RegularExpressions;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Digest;
using AnatomyBot.Core.Digest.Rendering;
using AnatomyBot.Core.Policy;
using Markdig;
using CommentText = AnatomyBot.Core.Reconcile.MarkdownText;

namespace AnatomyBot.Core.Tests.Digest;

public sealed partial class DigestEscapingTests
{
    private const string Hostile = "Ping @octocat and @acme/team: fixes #12, acme/api#3 and AB#7";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    [Theory]
    [InlineData(DigestFlavor.GitHub)]
    [InlineData(DigestFlavor.AzureDevOps)]
    public void Render_TitleWithMentionsAndReferences_EscapedExactlyAsThePullRequestComment(DigestFlavor flavor)
    {
        var markdown = DigestMarkdownRenderer.Render(HostileDigest(), new DigestRenderOptions { Flavor = flavor });

        Assert.Contains("[" + CommentText.Escape(Hostile) + "](https://github.com/contoso/onboarding/issues/40)", markdown, StringComparison.Ordinal);
        Assert.Contains("### " + CommentText.Escape("Support @here #9") + " `VS-SUP`", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TitleWithMentionsAndReferences_RendersNoMentionOrReferenceOutsideCode()
    {
        var markdown = DigestMarkdownRenderer.Render(HostileDigest());

        var html = Markdown.ToHtml(markdown, Pipeline);
        var text = WebUtility.HtmlDecode(CodeSpan().Replace(html, ""));

        Assert.Contains("octocat", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(Mention(), text);
        Assert.DoesNotMatch(Reference(), text);
    }

    private static WeeklyDigest HostileDigest()
    {
        var items = DigestFixture.Items.Append(DigestFixture.Gh(
            "contoso/onboarding#40", ItemKind.Story, Hostile, Layer.Stage, DigestFixture.T(["O-FAST"], ["ST-APPLY"]),
            DigestFixture.Nov(25), ("no-component", GapSeverity.Warn)));
        var fixture = DigestFixture.Anatomy;
        var anatomy = new EnterpriseAnatomy(
            fixture.Outcomes,
            [.. fixture.ValueStreams.Select(v => v.Id == "VS-SUP" ? v with { Name = "Support @here #9" } : v)],
            fixture.Logic,
            fixture.Components,
            fixture.Policy);
        return DigestBuilder.Build(DigestFixture.Request() with { Anatomy = anatomy }, items, DigestFixture.Events);
    }

    [GeneratedRegex("<pre[ >].*?</pre>|<code>.*?</code>", RegexOptions.Singleline)]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"@[A-Za-z0-9]")]
    private static partial Regex Mention();

    [GeneratedRegex(@"#[0-9]")]
    private static partial Regex Reference();
}
