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
    public async Task Check_MarkdownFormat_ParsesAsAStoryMapWithOneTableRowPerPlacedItem()
    {
        var markdown = (await CheckAsync("markdown")).Stdout;

        var document = Markdown.Parse(markdown, new MarkdownPipelineBuilder().UseAdvancedExtensions().Build());

        Assert.Equal(
            ["Story map", "Customer onboarding (VS-ONBOARDING)", "1. Customer qualified (ST-QUALIFIED)", "2. Offer priced (ST-PRICED)",
             "3. Service activated (ST-ACTIVATED)", "Not on any stage", "Gaps", "no-component (3)", "no-logic (1)", "no-outcome (3)",
             "no-stage (2)", "no-work-item (1)", "unknown-ref (1)"],
            document.Descendants<HeadingBlock>().Select(PlainText));
        var tables = document.Descendants<Table>().ToList();
        Assert.All(tables, t => Assert.All(t.OfType<TableRow>(), r => Assert.Equal(5, r.Count)));
        var rows = tables.SelectMany(t => t.OfType<TableRow>().Where(r => !r.IsHeader)).Select(r => PlainText((TableCell)r[0])).ToList();
        // Escaped for Markdown in the file, the GitHub id reads back as it is.
        Assert.Equal(["306", "303", "305", "contoso/shop#21", "301", "302", "304", "307", "308"], rows);
        // One list item per gap: the summary's 3 block and 8 warn.
        Assert.Equal(11, document.Descendants<ListItemBlock>().Count());
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
