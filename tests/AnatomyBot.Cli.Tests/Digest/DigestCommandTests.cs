using Process = System.Diagnostics.Process;
using ProcessStartInfo = System.Diagnostics.ProcessStartInfo;
using AngleSharp.Html.Parser;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;
using AnatomyBot.Storage.Sqlite;
using Markdig;
using Markdig.Syntax;

namespace AnatomyBot.Cli.Tests.Digest;

/// <summary>Runs the built <c>anatomybot digest</c> against a real SQLite ledger.</summary>
public sealed class DigestCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("anatomybot-digest-").FullName;

    [Fact]
    public async Task Store_WeekOutHtml_WritesMarkdownAndHtmlFromTheLedger()
    {
        var ledger = await SeedLedgerAsync();
        var markdownPath = Path.Combine(_directory, "out", "digest.md");
        var htmlPath = Path.Combine(_directory, "digest.html");

        var (exit, _, stderr) = await RunAsync("digest", "--store", ledger, "--week", "2026-W48", "--anatomy", SampleAnatomy(), "--out", markdownPath, "--html", htmlPath);

        Assert.True(exit == 0, stderr);
        var markdown = await File.ReadAllTextAsync(markdownPath);
        var document = Markdown.Parse(markdown, new MarkdownPipelineBuilder().UsePipeTables().Build());
        Assert.StartsWith("<!-- anatomybot:digest week=2026-W48 -->", markdown, StringComparison.Ordinal);
        Assert.Contains(document.Descendants<FencedCodeBlock>(), f => f.Info == "mermaid");
        Assert.Contains("| Active epics linked to an outcome | 50% (1 of 2) | ▲ +50 pts |", markdown, StringComparison.Ordinal);
        // The ledger begins in 2026-W47: the trend covers the two weeks it holds data for, not eight.
        Assert.Contains("## Trend over 2 weeks", markdown, StringComparison.Ordinal);
        Assert.Contains("## This week's gaps", markdown, StringComparison.Ordinal);
        Assert.Contains("## The anatomy itself", markdown, StringComparison.Ordinal);
        var html = new HtmlParser().ParseDocument(await File.ReadAllTextAsync(htmlPath));
        Assert.NotEmpty(html.QuerySelectorAll("pre.mermaid"));
        // Self-contained: the Mermaid the build pinned is inlined, nothing is loaded from the network.
        Assert.Empty(html.QuerySelectorAll("script[src], link[href], img[src]"));
        var inlined = html.QuerySelector("script[data-mermaid-version]");
        Assert.NotNull(inlined);
        Assert.Matches(@"^\d+\.\d+\.\d+$", inlined.GetAttribute("data-mermaid-version"));
        Assert.True(inlined.TextContent.Length > 1_000_000, "the inlined Mermaid script is missing or cut");
        Assert.DoesNotContain("https://", inlined.GetAttribute("src") ?? "", StringComparison.Ordinal);
        Assert.Contains("written to", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Store_NoOut_WritesMarkdownToStandardOutput_AzureDevOpsFlavour()
    {
        var ledger = await SeedLedgerAsync();

        var (exit, stdout, stderr) = await RunAsync("digest", "--store", ledger, "--week", "2026-W48", "--anatomy", SampleAnatomy(), "--flavor", "azure-devops");

        Assert.True(exit == 0, stderr);
        Assert.Contains("::: mermaid", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("```", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--week", "2026-48", "not an ISO week")]
    [InlineData("--time-zone", "Mars/Olympus", "not a known time zone")]
    public async Task Store_BadFlag_Exit2WithOneLine(string flag, string value, string message)
    {
        var ledger = await SeedLedgerAsync();

        var (exit, _, stderr) = await RunAsync("digest", "--store", ledger, flag, value);

        Assert.Equal(2, exit);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Store_MissingLedgerFile_Exit2AndNoFileCreated()
    {
        var missing = Path.Combine(_directory, "none.db");

        var (exit, _, stderr) = await RunAsync("digest", "--store", missing);

        Assert.Equal(2, exit);
        Assert.Contains("no ledger", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public async Task NeitherStoreNorBacklog_Exit2()
    {
        var (exit, _, stderr) = await RunAsync("digest");

        Assert.Equal(2, exit);
        Assert.Contains("--store", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidAnatomy_Exit2WithPosition()
    {
        var ledger = await SeedLedgerAsync();
        var anatomy = Path.Combine(_directory, "bad.yml");
        await File.WriteAllTextAsync(anatomy, "version: 1\noutcomes: [\n");

        var (exit, _, stderr) = await RunAsync("digest", "--store", ledger, "--anatomy", anatomy);

        Assert.Equal(2, exit);
        Assert.Contains("bad.yml:", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stateless_AnatomyAndBacklogs_DigestWithoutTrendOrChange()
    {
        var fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Check");
        var output = Path.Combine(_directory, "stateless.md");

        var (exit, _, stderr) = await RunAsync("digest", "--anatomy", Path.Combine(fixtures, "anatomy.yml"),
            "--backlog", Path.Combine(fixtures, "ado-backlog.json"), Path.Combine(fixtures, "github-issues.json"), "--out", output);

        Assert.True(exit == 0, stderr);
        var markdown = await File.ReadAllTextAsync(output);
        var headings = Markdown.Parse(markdown, new MarkdownPipelineBuilder().UsePipeTables().Build()).Descendants<HeadingBlock>().Select(h => h.Level).ToList();
        Assert.Contains("From a backlog export", markdown, StringComparison.Ordinal);
        Assert.Contains("## Value streams", markdown, StringComparison.Ordinal);
        Assert.Contains("| Measure | Share |", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("## Trend", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("pts", markdown, StringComparison.Ordinal);
        Assert.NotEmpty(headings);
    }

    /// <summary>One week of exports: a GitHub pull request merged with a full trace, one merged past the check, one merged
    /// the week before, a closed issue with gaps; an Azure DevOps pull request completed in the week with a block gap and
    /// one abandoned. Each appears where it belongs and nowhere else.</summary>
    [Fact]
    public async Task Stateless_WeekOfMergesFromBothPlatforms_EachMergeWhereItBelongs()
    {
        var fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures");

        var (exit, stdout, stderr) = await RunAsync("digest", "--anatomy", Path.Combine(fixtures, "Check", "anatomy.yml"), "--week", "2026-W48",
            "--backlog", Path.Combine(fixtures, "Digest", "merges-github.json"), Path.Combine(fixtures, "Digest", "merges-azure-devops.json"));

        Assert.True(exit == 0, stderr);
        Infrastructure.GoldenFiles.AssertMatches("Digest", "stateless-merges.md", stdout);
        var escaped = stdout[stdout.IndexOf("### Merged with a block gap", StringComparison.Ordinal)..];
        Assert.Contains("contoso/shop#23", escaped, StringComparison.Ordinal);
        Assert.Contains("Fabrikam/Web!7", escaped, StringComparison.Ordinal);
        Assert.Contains("| Pull requests merged this week with a full trace | 33.3% (1 of 3) |", stdout, StringComparison.Ordinal);
        foreach (var nowhere in (string[])["contoso/shop#20", "contoso/shop#24", "Fabrikam/Web!8", "shop/issues/20", "shop/pull/24", "pullrequest/8"])
        {
            Assert.DoesNotContain(nowhere, stdout, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("contoso/shop#21", escaped, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stateless_GhApiPaginatePages_SameDigestAsOneArray()
    {
        var fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Check");

        var single = await RunAsync("digest", "--anatomy", Path.Combine(fixtures, "anatomy.yml"), "--backlog", Path.Combine(fixtures, "github-issues.json"));
        var pages = await RunAsync("digest", "--anatomy", Path.Combine(fixtures, "anatomy.yml"), "--backlog", Path.Combine(fixtures, "exports", "gh-api-paginate.json"));
        var cut = await RunAsync("digest", "--anatomy", Path.Combine(fixtures, "anatomy.yml"), "--backlog", Path.Combine(fixtures, "exports", "gh-api-paginate-cut.json"));

        Assert.True(pages.Exit == 0, pages.Stderr);
        Assert.Equal(single.Stdout, pages.Stdout);
        Assert.Contains("From a backlog export", pages.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, cut.Exit);
        Assert.Contains("ends inside the array of items (document 3 of the file)", cut.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stateless_MalformedBacklog_Exit2WithFilePosition()
    {
        var fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Check");
        var broken = Path.Combine(_directory, "broken.json");
        await File.WriteAllTextAsync(broken, "[{\"id\": 1,");

        var (exit, _, stderr) = await RunAsync("digest", "--anatomy", Path.Combine(fixtures, "anatomy.yml"), "--backlog", broken);

        Assert.Equal(2, exit);
        Assert.Contains("broken.json:", stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<string> SeedLedgerAsync()
    {
        var path = Path.Combine(_directory, "ledger.db");
        using var database = new SqliteLedgerDatabase(path);
        var ledger = new SqliteEvaluationLedger(database);
        var lastWeek = new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero);
        var thisWeek = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
        await ledger.RecordAsync([Epic("1", lastWeek, lastWeek, linked: false), Epic("2", lastWeek, lastWeek, linked: false)], CancellationToken.None);
        await ledger.RecordAsync([Epic("1", lastWeek, thisWeek, linked: true)], CancellationToken.None);
        return path;
    }

    private static StoredEvaluation Epic(string id, DateTimeOffset firstSeen, DateTimeOffset at, bool linked) => new()
    {
        Source = ItemSource.AzureDevOps,
        ItemId = id,
        Kind = ItemKind.Epic,
        Title = "Epic " + id,
        Url = "https://dev.azure.com/contoso/web/_workitems/edit/" + id,
        Scope = @"Contoso\Web",
        Layer = linked ? Layer.Outcome : Layer.Unmapped,
        Trace = linked ? new Trace(["OUT-FAST-ACTIVATION"], ["ST-LEAD-CAPTURED"], [], []) : Trace.Empty,
        Gaps = linked ? new Dictionary<string, GapSeverity>() : new Dictionary<string, GapSeverity> { [GapCodes.NoOutcome] = GapSeverity.Warn },
        FirstSeen = firstSeen,
        EvaluatedAt = at,
    };

    private static string SampleAnatomy()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AnatomyBot.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory!.FullName, "samples", "onboarding", "anatomy.yml");
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "anatomybot.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
