using AnatomyBot.Cli.Tests.Infrastructure;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace AnatomyBot.Cli.Tests.Checking;

/// <summary><c>check</c>'s text and Markdown output, whole, on a small realistic backlog (<c>Check/Golden/</c>: an
/// anatomy, an Azure DevOps export and a GitHub issues export) that raises every gap code and has exempt (by label and
/// by author), unmapped and unreadable items. The expected output sits beside the inputs; after an intended change,
/// <c>UPDATE_GOLDEN=1 dotnet test tests/AnatomyBot.Cli.Tests --filter FullyQualifiedName~CheckGolden</c> rewrites it
/// for review in the diff.</summary>
public sealed class CheckGoldenTests
{
    private static readonly string Folder = Path.Combine(RepoPaths.Root, "tests", "AnatomyBot.Cli.Tests", "Check", "Golden");

    [Fact]
    public async Task Check_TextFormat_MatchesTheGoldenFile()
    {
        var result = await CheckAsync("text");

        Assert.Equal((1, ""), (result.ExitCode, result.Stderr));
        GoldenFiles.AssertMatches("Check", "check.txt", result.Stdout);
    }

    [Fact]
    public async Task Check_MarkdownFormat_MatchesTheGoldenFile()
    {
        var result = await CheckAsync("markdown");

        Assert.Equal((1, ""), (result.ExitCode, result.Stderr));
        GoldenFiles.AssertMatches("Check", "check.md", result.Stdout);
    }

    [Fact]
    public async Task Check_MarkdownFormat_ListsEveryCountedItemOnceAsALinkAndEachItemWithGapsInOneRow()
    {
        var markdown = (await CheckAsync("markdown")).Stdout;

        var document = Markdown.Parse(markdown, new MarkdownPipelineBuilder().UseAdvancedExtensions().Build());

        Assert.Equal(
            ["Story map", "Customer onboarding (VS-ONBOARDING)", "1. Customer qualified (ST-QUALIFIED)", "2. Offer priced (ST-PRICED)",
             "3. Service activated (ST-ACTIVATED)", "Not on any stage", "Healthy", "Needs links", "Pull requests", "Exempt", "Not read",
             "Gaps by item"],
            document.Descendants<HeadingBlock>().Select(PlainText));
        var tables = document.Descendants<Table>().ToList();
        var gapTable = tables[^1];
        var mapRows = tables[..^1].SelectMany(t => t.OfType<TableRow>().Where(r => !r.IsHeader)).Select(r => (TableCell)r[0]).ToList();
        var listed = document.Descendants<ListItemBlock>().Select(b => b.Descendants<ParagraphBlock>().First()).ToList();
        // Every item the header counts (15), once: map rows, then the exempt and unreadable lists.
        var ids = mapRows.Select(PlainText).Concat(listed.Select(p => PlainText(p).Split(' ')[0])).ToList();
        Assert.Equal(15, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("307", ids);
        Assert.Contains("contoso/shop#23", ids);
        // Ids are links to web pages, never to the REST API.
        var links = document.Descendants<LinkInline>().Select(l => l.Url ?? "").ToList();
        Assert.Contains("https://dev.azure.com/contoso/Onboarding/_workitems/edit/306", links);
        Assert.Contains("https://github.com/contoso/shop/pull/23", links);
        Assert.DoesNotContain(links, l => l.Contains("/_apis/", StringComparison.Ordinal));
        Assert.All(mapRows, c => Assert.Single(c.Descendants<LinkInline>()));
        // One row per item with gaps (5), most severe first.
        var gapRows = gapTable.OfType<TableRow>().Where(r => !r.IsHeader).ToList();
        Assert.Equal(["contoso/shop#23", "302", "304", "306", "308"], gapRows.Select(r => PlainText((TableCell)r[0]).Split(' ')[0]));
        Assert.Equal(["block", "warn", "warn", "warn", "warn"], gapRows.Select(r => PlainText((TableCell)r[1])));
    }

    private static Task<CliResult> CheckAsync(string format) =>
        CliRunner.RunAsync(
            ["check", "--anatomy", "anatomy.yml", "--backlog", "ado-backlog.json", "--backlog", "github-backlog.json", "--format", format],
            new CliRunOptions { WorkingDirectory = Folder, Timeout = TimeSpan.FromSeconds(120) });

    private static string PlainText(ContainerBlock block) => string.Concat(block.Descendants<LeafBlock>().Select(PlainText));

    private static string PlainText(LeafBlock block) =>
        block.Inline is null
            ? ""
            : string.Concat(block.Inline.Descendants<Inline>().Select(i => i switch
            {
                LiteralInline literal => literal.Content.ToString(),
                CodeInline code => code.Content,
                _ => "",
            }));
}
