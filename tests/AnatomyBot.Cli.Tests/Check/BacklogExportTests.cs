using System.Text;
using AnatomyBot.Cli.Commands.Check;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;
using static AnatomyBot.Cli.Tests.Checking.CheckCli;

namespace AnatomyBot.Cli.Tests.Checking;

/// <summary>The exports people have, read from files shaped exactly as the tools write them (<c>Fixtures/Check/exports</c>).</summary>
public sealed class BacklogExportTests
{
    [Fact]
    public void Read_GhIssueList_IssuesWithRepositoryFromUrlAndAuthor()
    {
        var items = Items("gh-issue-list.json");

        Assert.Equal(["contoso/shop#12", "contoso/shop#16"], items.Select(i => i.Id));
        Assert.All(items, i => Assert.Equal(ItemSource.GitHub, i.Source));
        Assert.Equal(ItemKind.Story, items[0].Kind);
        Assert.Equal(["story", "stage:ST-PRICED"], items[0].Labels);
        Assert.Equal("ana", items[0].Author);
        Assert.Equal("contoso/shop", items[0].Scope);
        Assert.Equal("https://github.com/contoso/shop/issues/12", items[0].Url);
        Assert.True(items[0].IsOpen);
    }

    [Fact]
    public void Read_GhPrList_PullRequestsWithFilesClosingIssuesAndMerge()
    {
        var items = Items("gh-pr-list.json").ToDictionary(i => i.Id);

        Assert.All(items.Values, i => Assert.Equal(ItemKind.PullRequest, i.Kind));
        Assert.Equal(["src/Pricing/Limits.cs", "src/Pricing/LimitsTests.cs"], items["contoso/shop#13"].ChangedPaths);
        Assert.Equal(["contoso/shop#12"], items["contoso/shop#13"].LinkedItemIds);
        Assert.True(items["contoso/shop#13"].IsOpen);
        Assert.False(items["contoso/shop#17"].IsOpen);
        Assert.Equal("merged", items["contoso/shop#17"].State);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 10, 15, 0, TimeSpan.Zero), items["contoso/shop#17"].MergedAt);
        Assert.Null(items["contoso/shop#13"].MergedAt);
        Assert.Empty(items["contoso/shop#18"].ChangedPaths);
        Assert.Equal("https://github.com/contoso/shop/pull/18", items["contoso/shop#18"].Url);
    }

    [Fact]
    public void Read_AzureDevOpsPullRequestList_CompletedMergedAtClosedDateAbandonedClosedUnmerged()
    {
        var entries = Read(Fixture(Path.Combine("..", "Digest", "merges-azure-devops.json")));

        Assert.All(entries, e => Assert.Null(e.Error));
        var items = entries.Select(e => e.Item!).ToDictionary(i => i.Id);
        Assert.Equal(["Fabrikam/Web!7", "Fabrikam/Web!8"], items.Keys);
        Assert.All(items.Values, i => Assert.Equal((ItemSource.AzureDevOps, ItemKind.PullRequest, false), (i.Source, i.Kind, i.IsOpen)));
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero), items["Fabrikam/Web!7"].MergedAt);
        Assert.Null(items["Fabrikam/Web!8"].MergedAt);
    }

    [Fact]
    public void Read_GhApiPaginateThreePages_EveryPageReadAsOneArrayWouldBe()
    {
        var pages = Items("gh-api-paginate.json");
        var single = Read(Fixture("github-issues.json")).Select(e => e.Item!).ToList();

        Assert.Equal(4, pages.Count);
        Assert.Equal(single.Select(i => (i.Id, i.Kind, i.Title, i.Body)), pages.Select(i => (i.Id, i.Kind, i.Title, i.Body)));
    }

    [Fact]
    public void Read_PaginatedFileCutInsideTheLastPage_IsAFileErrorNamingTheDocument()
    {
        var error = Assert.Throws<BacklogFileException>(() => Read(Export("gh-api-paginate-cut.json")));

        Assert.Contains("gh-api-paginate-cut.json: the file ends inside the array of items (document 3 of the file)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WiqlResult_SaysHowToTurnIdsIntoItems()
    {
        var error = Assert.Throws<BacklogFileException>(() => Read(Export("ado-wiql.json")));

        Assert.Contains("WIQL result", error.Message, StringComparison.Ordinal);
        Assert.Contains("workitemsbatch", error.Message, StringComparison.Ordinal);
        Assert.Contains("check --azure-devops", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"count\": 1}", "an object with no `value` array")]
    [InlineData("42", "a JSON number")]
    [InlineData("\"issues\"", "a JSON string")]
    [InlineData("[]\n7", "a JSON number (document 2 of the file)")]
    [InlineData("{\"value\":[]}{\"message\":\"Not Found\"}", "an object with no `value` array (document 2 of the file)")]
    public void Read_NotABacklog_NamesWhatWasFoundAndWhatIsAccepted(string content, string found)
    {
        var error = Assert.Throws<BacklogFileException>(() => Read("x.json", content));

        Assert.Contains($"not a backlog: {found}", error.Message, StringComparison.Ordinal);
        Assert.Contains("gh pr list --json", error.Message, StringComparison.Ordinal);
        Assert.Contains("gh api [--paginate]", error.Message, StringComparison.Ordinal);
        Assert.Contains("{\"count\",\"value\"}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AzureDevOpsResponsesBackToBack_PropertiesAfterValueSkipped()
    {
        var entries = Read("two.json", "{\"value\":[{\"id\":1,\"fields\":{\"System.Title\":\"a\"}}],\"count\":1,\"extra\":{\"x\":[1,2]}}\n{\"count\":1,\"value\":[{\"id\":2,\"fields\":{\"System.Title\":\"b\"}}]}");

        Assert.Equal(["1", "2"], entries.Select(e => e.Id));
    }

    [Fact]
    public void Read_ManyLargePagesAcrossReadWindows_EveryItemInOrder()
    {
        var json = new StringBuilder();
        var id = 0;
        for (var page = 0; page < 6; page++)
        {
            json.Append(page % 2 == 0 ? "[" : "{\"count\":700,\"value\":[");
            for (var i = 0; i < 700; i++, id++)
            {
                json.Append(i == 0 ? "" : ",").Append($"{{\"id\":{id},\"fields\":{{\"System.Title\":\"{new string('t', 1 + (id % 600))}\"}}}}");
            }

            json.Append(page % 2 == 0 ? "]" : "]}");
        }

        var entries = Read("pages.json", json.ToString());

        Assert.Equal(Enumerable.Range(0, 4200).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), entries.Select(e => e.Id));
    }

    [Fact]
    public void Check_GhIssueAndPrLists_PullRequestTracedThroughTheIssueItCloses()
    {
        var (exit, stdout, stderr) = Check("--backlog", Export("gh-issue-list.json"), Export("gh-pr-list.json"), "--format", "json", "--fail-on", "never");

        Assert.True(exit == 0, stderr);
        using var json = System.Text.Json.JsonDocument.Parse(stdout);
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetString()!);
        Assert.Equal(5, items.Count);
        Assert.Equal(["contoso/shop#12"], items["contoso/shop#13"].GetProperty("linkedItems").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["C-PRICING-RULES"], items["contoso/shop#13"].GetProperty("trace").GetProperty("components").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Check_MergedPullRequestWithBlockGap_StateClosedAndNoBlockVerdict()
    {
        var (exit, stdout, stderr) = Check("--backlog", Export("gh-pr-list.json"), "--format", "json", "--fail-on", "never");

        Assert.True(exit == 0, stderr);
        using var json = System.Text.Json.JsonDocument.Parse(stdout);
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetString()!);
        var merged = items["contoso/shop#17"];
        Assert.Equal("closed", merged.GetProperty("state").GetString());
        Assert.Equal([("no-work-item", "warn")], merged.GetProperty("gaps").EnumerateArray().Select(g => (g.GetProperty("code").GetString(), g.GetProperty("severity").GetString())));
        Assert.False(items["contoso/shop#18"].TryGetProperty("state", out _));
        Assert.Equal("block", items["contoso/shop#18"].GetProperty("gaps").EnumerateArray().Single(g => g.GetProperty("code").GetString() == "no-work-item").GetProperty("severity").GetString());
        Assert.Equal(CountBlocks(items.Values), json.RootElement.GetProperty("summary").GetProperty("severities").GetProperty("block").GetInt32());
    }

    [Theory]
    [InlineData("text", "contoso/shop#17  pull-request (closed)")]
    [InlineData("markdown", "Retry the bureau _(closed)_ | warn |")]
    public void Check_MergedPullRequest_MarkedClosedInTextAndMarkdown(string format, string expected)
    {
        var (exit, stdout, stderr) = Check("--backlog", Export("gh-pr-list.json"), "--format", format, "--fail-on", "never");

        Assert.True(exit == 0, stderr);
        Assert.Contains(expected, stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("#18  pull-request (closed)", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gh-api-paginate-cut.json", "ends inside the array of items")]
    [InlineData("ado-wiql.json", "workitemsbatch")]
    public void Check_CutFileOrWiql_ExitsTwoWithNothingOnStdout(string file, string message)
    {
        var (exit, stdout, stderr) = Check("--backlog", Fixture("github-issues.json"), Export(file));

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    private static int CountBlocks(IEnumerable<System.Text.Json.JsonElement> items) =>
        items.SelectMany(i => i.GetProperty("gaps").EnumerateArray()).Count(g => g.GetProperty("severity").GetString() == "block");

    private static string Export(string name) => Fixture(Path.Combine("exports", name));

    private static List<WorkItem> Items(string export)
    {
        var entries = Read(Export(export));
        Assert.All(entries, e => Assert.Null(e.Error));
        return [.. entries.Select(e => e.Item!)];
    }

    private static List<BacklogEntry> Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(Path.GetFileName(path), stream);
    }

    private static List<BacklogEntry> Read(string name, string content) => Read(name, new MemoryStream(Encoding.UTF8.GetBytes(content)));

    private static List<BacklogEntry> Read(string name, Stream stream)
    {
        var sink = new WorkItemSink(name, new AzureDevOpsReaders([]));
        BacklogReader.Read(name, stream, sink);
        return [.. sink.Entries];
    }
}
