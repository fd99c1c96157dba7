using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;
using AnatomyBot.Core.Reconcile;
using AnatomyBot.Core.Tests.Support;
using Markdig.Syntax;

namespace AnatomyBot.Core.Tests.Reconcile;

/// <summary>The sticky comment in an Azure Boards work item's discussion (written as Markdown): its body with gaps and
/// once fixed, as goldens (the browser check renders every golden here), with a hostile title kept inert.</summary>
public sealed class ItemCommentGoldenTests
{
    /// <summary>Markup, a mention, work-item and issue references, emphasis and a script link in one title.</summary>
    private const string HostileTitle = "<img src=x onerror=alert(1)> Verify passport for @alice, see #12 and AB#7 **now** [here](javascript:alert(1))";

    private static readonly RenderOptions Options = new() { SpecBaseUrl = "https://github.com/acme/architecture/blob/main/" };

    [Fact]
    public void ItemComment_AzureBoardsStoryWithGaps_MatchesGoldenAndKeepsTheTitleInert()
    {
        var evaluation = Story("<p>Outcome: o-fast-onboarding</p><p>Stage: s-verify</p>");

        var markdown = ItemCommentRenderer.Render(evaluation, ReconcileFixtures.Anatomy, Options);

        GoldenFiles.AssertMatches("Reconcile", "azure-boards-story.item-comment.md", markdown);
        var document = MarkdownAssert.Valid(markdown, 0);
        Assert.IsType<HtmlBlock>(document[0]);
        Assert.StartsWith(Markers.Comment + "\n", markdown, StringComparison.Ordinal);
        Assert.Contains("- **To fix:** add `Component: ", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("@alice", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain(" #12", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("AB#7", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain(document.Descendants<Markdig.Syntax.Inlines.LinkInline>(), l => l.Url?.StartsWith("javascript", StringComparison.OrdinalIgnoreCase) == true);
    }

    [Fact]
    public void ItemComment_AzureBoardsStoryFixed_MatchesGoldenAndIsShort()
    {
        var evaluation = Story("<p>Outcome: o-fast-onboarding</p><p>Stage: s-verify</p><p>Component: c-id-scan-ui</p>");

        var markdown = ItemCommentRenderer.Render(evaluation, ReconcileFixtures.Anatomy, Options);

        GoldenFiles.AssertMatches("Reconcile", "azure-boards-story-fixed.item-comment.md", markdown);
        MarkdownAssert.Valid(markdown, 0);
        Assert.Contains("### ✅ Anatomy: all links in place", markdown, StringComparison.Ordinal);
        Assert.InRange(MarkdownAssert.VisibleLines(markdown).Count, 1, 6);
    }

    /// <summary>An Azure Boards story with the hostile title, its description in HTML, evaluated by the real engine.</summary>
    private static ItemEvaluation Story(string body) => new LinkageEngine(ReconcileFixtures.Anatomy).Evaluate(
    [
        new WorkItem
        {
            Id = "1207",
            Source = ItemSource.AzureDevOps,
            Kind = ItemKind.Story,
            Title = HostileTitle,
            Body = body,
            BodyFormat = BodyFormat.Html,
            Scope = "Onboarding\\KYC",
        },
    ])[0];
}
