using System.Text;
using System.Text.Json;
using Markdig;
using Markdig.Syntax;
using static AnatomyBot.Cli.Tests.Checking.CheckCli;

namespace AnatomyBot.Cli.Tests.Checking;

public sealed class CheckCommandTests
{
    [Fact]
    public void AzureDevOpsEnvelope_Json_TraceLayerAndInheritance()
    {
        var (exit, stdout, stderr) = Check("--backlog", Fixture("ado-backlog.json"), "--format", "json");

        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        using var json = JsonDocument.Parse(stdout);
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["101", "102", "103", "104"], items.Select(i => i.GetProperty("id").GetString()));
        var story = items[2];
        Assert.Equal(["id", "source", "kind", "title", "layer", "trace", "gaps"], story.EnumerateObject().Select(p => p.Name));
        Assert.Equal("azure-devops", story.GetProperty("source").GetString());
        Assert.Equal("story", story.GetProperty("kind").GetString());
        Assert.Equal("P4", story.GetProperty("layer").GetString());
        Assert.Equal(["OUT-FAST-ACTIVATION", "OUT-FEWER-PRICING-ERRORS"], Strings(story, "trace", "outcomes"));
        Assert.Equal(["ST-PRICED"], Strings(story, "trace", "stages"));
        Assert.Equal(["LG-PRICING"], Strings(story, "trace", "logic"));
        Assert.Empty(story.GetProperty("gaps").EnumerateArray());
        Assert.Equal("P1", items[0].GetProperty("layer").GetString());

        var gap = Assert.Single(items[3].GetProperty("gaps").EnumerateArray());
        Assert.Equal("no-component", gap.GetProperty("code").GetString());
        Assert.Equal("warn", gap.GetProperty("severity").GetString());
        Assert.Equal("C-CREDIT-ADAPTER", gap.GetProperty("suggestions")[0].GetProperty("id").GetString());
        Assert.True(gap.GetProperty("suggestions")[0].GetProperty("score").GetDouble() > 0);
        Assert.Contains("C-CREDIT-ADAPTER", gap.GetProperty("fix").GetString(), StringComparison.Ordinal);

        var summary = json.RootElement.GetProperty("summary");
        Assert.Equal(4, summary.GetProperty("items").GetInt32());
        Assert.Equal(1, summary.GetProperty("gaps").GetProperty("no-component").GetInt32());
        Assert.False(summary.GetProperty("failed").GetBoolean());
    }

    [Fact]
    public void FailOnWarn_ExitsOne_Never_ExitsZero()
    {
        Assert.Equal(1, Check("--backlog", Fixture("ado-backlog.json"), "--fail-on", "warn").ExitCode);
        Assert.Equal(0, Check("--backlog", Fixture("github-issues.json"), "--fail-on", "never").ExitCode);
    }

    [Fact]
    public void GitHubIssues_PullRequestsLinkedBotsExemptAndBlocking()
    {
        var (exit, stdout, _) = Check("--backlog", Fixture("github-issues.json"), "--format", "json");

        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(stdout);
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetString()!);
        Assert.Equal("pull-request", items["contoso/shop#13"].GetProperty("kind").GetString());
        Assert.Empty(items["contoso/shop#13"].GetProperty("gaps").EnumerateArray());
        Assert.Equal(["contoso/shop#12"], items["contoso/shop#13"].GetProperty("linkedItems").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["C-PRICING-RULES"], Strings(items["contoso/shop#13"], "trace", "components"));
        Assert.Equal(
            ["no-component", "no-outcome", "no-work-item"],
            items["contoso/shop#14"].GetProperty("gaps").EnumerateArray().Select(g => g.GetProperty("code").GetString()));
        Assert.All(items["contoso/shop#14"].GetProperty("gaps").EnumerateArray(), g => Assert.Equal("block", g.GetProperty("severity").GetString()));
        Assert.True(items["contoso/shop#15"].TryGetProperty("exempt", out _));
        Assert.Equal("story", items["contoso/shop#12"].GetProperty("kind").GetString());
    }

    [Fact]
    public void BareAzureDevOpsArray_SameResultAsEnvelope()
    {
        using var envelope = JsonDocument.Parse(File.ReadAllText(Fixture("ado-backlog.json")));
        var bare = WriteTemp(envelope.RootElement.GetProperty("value").GetRawText());

        var fromBare = Check("--backlog", bare, "--format", "json");
        var fromEnvelope = Check("--backlog", Fixture("ado-backlog.json"), "--format", "json");

        Assert.Equal(fromEnvelope.Stdout, fromBare.Stdout);
    }

    [Fact]
    public void Output_IsDeterministic_WhateverTheOrderOfBacklogs()
    {
        var first = Check("--backlog", Fixture("ado-backlog.json"), "--backlog", Fixture("github-issues.json"), "--format", "json");
        var second = Check("--backlog", Fixture("github-issues.json"), "--backlog", Fixture("ado-backlog.json"), "--format", "json");

        Assert.Equal(first.Stdout, second.Stdout);
        Assert.Equal(first.Stdout, Check("--backlog", Fixture("ado-backlog.json"), "--backlog", Fixture("github-issues.json"), "--format", "json").Stdout);
    }

    [Fact]
    public void BadItems_PerItemDiagnostics_OthersStillEvaluated()
    {
        var (exit, stdout, stderr) = Check("--backlog", Fixture("bad-items.json"), "--format", "json");

        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        using var json = JsonDocument.Parse(stdout);
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetString()!);
        Assert.Contains("`fields`", Diagnostics(items["201"]), StringComparison.Ordinal);
        Assert.Contains("parent cycle", Diagnostics(items["202"]), StringComparison.Ordinal);
        Assert.Contains("parent cycle", Diagnostics(items["203"]), StringComparison.Ordinal);
        Assert.Contains("`999`", Diagnostics(items["204"]), StringComparison.Ordinal);
        Assert.Equal(["C-CREDIT-ADAPTER"], Strings(items["204"], "trace", "components"));
        Assert.Contains(items.Keys, k => k.EndsWith("bad-items.json[4]", StringComparison.Ordinal));
        var unknown = Assert.Single(items["205"].GetProperty("gaps").EnumerateArray());
        Assert.Equal("unknown-ref", unknown.GetProperty("code").GetString());
        Assert.Contains("`OUT-NOPE`", unknown.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedJson_ExitsTwo_OneLineNamingFileAndPosition()
    {
        var path = WriteTemp("[\n  {\"id\": 1, \"fields\": {}},\n  {\"id\": 2,, }\n]");

        var (exit, stdout, stderr) = Check("--backlog", path);

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: {path}:3:", line, StringComparison.Ordinal);
        Assert.Contains("invalid JSON", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"count\": 1}")]
    [InlineData("42")]
    [InlineData("")]
    public void NotABacklog_ExitsTwo(string content)
    {
        var (exit, _, stderr) = Check("--backlog", WriteTemp(content));

        Assert.Equal(2, exit);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void NonUtf8Bytes_AreAnItemDiagnostic_NotAFileError()
    {
        var bytes = new List<byte>();
        bytes.AddRange(Encoding.UTF8.GetBytes("[{\"id\":1,\"fields\":{\"System.WorkItemType\":\"Epic\",\"System.Title\":\"Caf"));
        bytes.AddRange([0xC3, 0x28, 0xFF]);
        bytes.AddRange(Encoding.UTF8.GetBytes("\",\"System.Tags\":\"outcome:OUT-FAST-ACTIVATION\"}},{\"id\":2,\"fields\":{\"System.WorkItemType\":\"Epic\",\"System.Title\":\"ok\"}}]"));
        var path = Path.GetTempFileName();
        File.WriteAllBytes(path, [.. bytes]);

        var (exit, stdout, _) = Check("--backlog", path, "--format", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(stdout);
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains("UTF-8", Diagnostics(items[0]), StringComparison.Ordinal);
        Assert.Equal("P1", items[0].GetProperty("layer").GetString());
        Assert.False(items[1].TryGetProperty("diagnostics", out _));
    }

    [Fact]
    public void HugeTitle_IsCutWithADiagnostic()
    {
        var path = WriteTemp($$$"""[{"id":1,"fields":{"System.WorkItemType":"Epic","System.Title":"{{{new string('a', 1_048_576)}}}"}}]""");

        var (exit, stdout, _) = Check("--backlog", path, "--format", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(stdout);
        var item = json.RootElement.GetProperty("items")[0];
        Assert.True(item.GetProperty("title").GetString()!.Length <= 1025);
        Assert.Contains("1,048,576", Diagnostics(item), StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_StoryMapPerStreamAndStage_ThenGapsByItem()
    {
        var (exit, stdout, _) = Check("--backlog", Fixture("ado-backlog.json"), "--format", "markdown");

        Assert.Equal(0, exit);
        var document = Markdown.Parse(stdout, new MarkdownPipelineBuilder().UseAdvancedExtensions().Build());
        var headings = document.Descendants<HeadingBlock>().Select(h => (h.Level, Text: stdout.Substring(h.Span.Start, h.Span.Length))).ToList();
        Assert.Equal(
            ["# Story map", "## Customer onboarding (`VS-ONBOARDING`)", "### 1. Customer qualified (`ST-QUALIFIED`)", "### 2. Offer priced (`ST-PRICED`)",
             "### 3. Service activated (`ST-ACTIVATED`)", "## Not on any stage", "### Healthy", "### Needs links", "## Pull requests", "## Exempt",
             "## Not read", "## Gaps by item"],
            headings.Select(h => h.Text));
        var priced = stdout[stdout.IndexOf("(`ST-PRICED`)", StringComparison.Ordinal)..stdout.IndexOf("(`ST-ACTIVATED`)", StringComparison.Ordinal)];
        Assert.Contains("| [102](https://dev.azure.com/contoso/Contoso/_workitems/edit/102) | feature | P1 ✅ P2 ✅ P3 ⬜ P4 ⬜ |", priced, StringComparison.Ordinal);
        Assert.Contains("| [103](https://dev.azure.com/contoso/Contoso/_workitems/edit/103) | story | P1 ✅ P2 ✅ P3 ✅ P4 ✅ |", priced, StringComparison.Ordinal);
        Assert.DoesNotContain("[101]", priced, StringComparison.Ordinal);
        var gaps = stdout[stdout.IndexOf("## Gaps by item", StringComparison.Ordinal)..];
        Assert.Contains("| [104](https://dev.azure.com/contoso/Contoso/_workitems/edit/104) story: Show the credit bureau score to the seller | warn | `no-component` |", gaps, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_ListsGapsFixesAndSummary()
    {
        var (exit, stdout, _) = Check("--backlog", Fixture("github-issues.json"));

        Assert.Equal(1, exit);
        Assert.Contains("contoso/shop#14  pull-request  unmapped  Tidy the build script", stdout, StringComparison.Ordinal);
        Assert.Contains("block  no-work-item:", stdout, StringComparison.Ordinal);
        Assert.Contains("fix: Add `Fixes #<issue>`", stdout, StringComparison.Ordinal);
        Assert.Contains("4 items: 1 with gaps (3 block, 0 warn, 0 info), 1 exempt", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("contoso/shop#13", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", stdout + Check("--backlog", Fixture("github-issues.json")).Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--format", "yaml")]
    [InlineData("--fail-on", "sometimes")]
    public void InvalidOption_ExitsTwo(string option, string value)
    {
        var (exit, _, stderr) = Check("--backlog", Fixture("ado-backlog.json"), option, value);

        Assert.Equal(2, exit);
        Assert.Contains(option, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFilesAndInvalidAnatomy_ExitTwo()
    {
        Assert.Equal(2, Check("--backlog", "nope.json").ExitCode);
        Assert.Equal(2, Run("check", "--anatomy", "missing.yml", "--backlog", Fixture("ado-backlog.json")).ExitCode);
        Assert.Equal(2, Run("check", "--backlog", Fixture("ado-backlog.json")).ExitCode);
        var directory = Run("check", "--anatomy", Path.GetTempPath(), "--backlog", Fixture("ado-backlog.json"));
        Assert.Equal(2, directory.ExitCode);
        Assert.Contains("is a directory", directory.Stderr, StringComparison.Ordinal);

        var anatomy = WriteTemp("version: 1\noutcomes:\n  - id: O-1\n    nme: typo\n");
        var (exit, _, stderr) = Run("check", "--anatomy", anatomy, "--backlog", Fixture("ado-backlog.json"));

        Assert.Equal(2, exit);
        Assert.Contains($"{anatomy}:", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidAnatomyAndMalformedBacklog_TheAnatomyIsReported_AUsageErrorBeforeEither()
    {
        var anatomy = WriteTemp("version: 1\noutcomes:\n  - id: O-1\n    nme: typo\n");
        var backlog = WriteTemp("[{\"id\": 1,");

        var (exit, stdout, stderr) = Run("check", "--anatomy", anatomy, "--backlog", backlog);
        var usage = Run("check", "--anatomy", anatomy, "--backlog", backlog, "--format", "yaml");

        Assert.Equal((2, ""), (exit, stdout));
        Assert.Contains($"{anatomy}:4:5: error", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(backlog, stderr, StringComparison.Ordinal);
        Assert.Equal(2, usage.ExitCode);
        Assert.Equal("error: check: --format must be text, json or markdown, not 'yaml'", usage.Stderr.Trim());
    }

    private static string Diagnostics(JsonElement item)
        => string.Join("\n", item.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetString()));

    private static IEnumerable<string?> Strings(JsonElement item, string a, string b)
        => item.GetProperty(a).GetProperty(b).EnumerateArray().Select(e => e.GetString());

    private static string WriteTemp(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"anatomybot-check-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, content);
        return path;
    }
}
