using System.Text.Json;
using AnatomyBot.Cli.Tests.Infrastructure;
using static AnatomyBot.Cli.Tests.Checking.CheckCli;

namespace AnatomyBot.Cli.Tests.Checking;

public sealed class CheckWaiverTests : IDisposable
{
    private const string Waivers = """

        waivers:
          - id: W-2026-014
            items: ["contoso/shop#14"]
            gaps: [no-work-item, no-outcome, no-component]
            until: 2026-12-31
            reason: "Spike; the component spec follows in Q1"
            approvedBy: "@contoso/architects"
          - id: W-2026-015
            items: ["104"]
            gaps: ["*"]
            until: 2026-11-30
            reason: Vendor delay
            approvedBy: alice
        """;

    private readonly TempDirectory _temp = new();

    private string Anatomy => _temp.File("anatomy.yml", File.ReadAllText(Fixture("anatomy.yml")) + Waivers);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Check_ActiveWaiver_GapKeepsItsPlaceWithTheWaiverAndNoLongerFails()
    {
        var (exit, stdout, stderr) = Run("check", "--anatomy", Anatomy, "--backlog", Fixture("github-issues.json"), "--format", "json", "--today", "2026-12-01");

        Assert.Equal(("", 0), (stderr, exit));
        using var json = JsonDocument.Parse(stdout);
        var item = json.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "contoso/shop#14");
        var gaps = item.GetProperty("gaps").EnumerateArray().ToList();
        Assert.Equal(["no-component", "no-outcome", "no-work-item"], gaps.Select(g => g.GetProperty("code").GetString()));
        Assert.All(gaps, g => Assert.Equal(
            """{"id":"W-2026-014","until":"2026-12-31","reason":"Spike; the component spec follows in Q1","approvedBy":"@contoso/architects"}""",
            JsonSerializer.Serialize(g.GetProperty("waiver"))));
        var summary = json.RootElement.GetProperty("summary");
        Assert.Equal(3, summary.GetProperty("waived").GetInt32());
        Assert.Equal(0, summary.GetProperty("severities").GetProperty("block").GetInt32());
        Assert.Equal(1, summary.GetProperty("gaps").GetProperty("no-work-item").GetInt32());
        Assert.False(summary.GetProperty("failed").GetBoolean());
    }

    [Fact]
    public void Check_AfterTheDate_WaiverIsIgnoredWithADiagnosticAndTheCheckFails()
    {
        var (exit, stdout, _) = Run("check", "--anatomy", Anatomy, "--backlog", Fixture("github-issues.json"), "--format", "json", "--today", "2027-01-01");

        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(stdout);
        var item = json.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "contoso/shop#14");
        Assert.All(item.GetProperty("gaps").EnumerateArray(), g => Assert.False(g.TryGetProperty("waiver", out _)));
        Assert.Equal(["waiver W-2026-014 expired on 2026-12-31"], item.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(0, json.RootElement.GetProperty("summary").GetProperty("waived").GetInt32());
    }

    [Fact]
    public void Check_ExpiredWaiverOnAzureDevOps_TextSaysSoAndFailOnWarnFails()
    {
        var (exit, stdout, _) = Run("check", "--anatomy", Anatomy, "--backlog", Fixture("ado-backlog.json"), "--fail-on", "warn", "--today", "2026-12-01");

        Assert.Equal(1, exit);
        Assert.Contains("  note   waiver W-2026-015 expired on 2026-11-30", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Text_MarksWaivedGaps()
    {
        var (exit, stdout, _) = Run("check", "--anatomy", Anatomy, "--backlog", Fixture("github-issues.json"), "--today", "2026-12-01");

        Assert.Equal(0, exit);
        Assert.Contains("         waived: W-2026-014 until 2026-12-31 by @contoso/architects: Spike; the component spec follows in Q1", stdout, StringComparison.Ordinal);
        Assert.Contains(", 3 gaps waived.", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Markdown_MarksWaivedGaps()
    {
        var (_, stdout, _) = Run("check", "--anatomy", Anatomy, "--backlog", Fixture("github-issues.json"), "--format", "markdown", "--today", "2026-12-01");

        Assert.Contains("_Waived: W-2026-014 until 2026-12-31 by @contoso/architects: Spike; the component spec follows in Q1_ |", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_BadToday_ExitsTwo()
    {
        var (exit, _, stderr) = Run("check", "--anatomy", Anatomy, "--backlog", Fixture("github-issues.json"), "--today", "1/12/2026");

        Assert.Equal(2, exit);
        Assert.Equal("error: check: --today must be a date written YYYY-MM-DD, not '1/12/2026'", stderr.Trim());
    }

    [Fact]
    public void Lint_WaiverErrorsExitOne_UnusedWaiverWarnsWithABacklog()
    {
        var lapsed = Run("lint", Anatomy, "--today", "2026-12-01");
        Assert.Equal(1, lapsed.ExitCode);
        Assert.Contains("error waiver-expired: waiver 'W-2026-015' expired on 2026-11-30", lapsed.Stdout, StringComparison.Ordinal);

        var text = File.ReadAllText(Anatomy).Replace("until: 2026-11-30", "until: 2026-12-20", StringComparison.Ordinal);
        var anatomy = _temp.File("renewed.yml", text);
        var clean = Run("lint", anatomy, "--today", "2026-12-01");
        Assert.Equal(0, clean.ExitCode);
        Assert.DoesNotContain("waiver-", clean.Stdout, StringComparison.Ordinal);

        var unused = Run("lint", anatomy, "--today", "2026-12-01", "--backlog", Fixture("github-issues.json"), "--format", "json");
        Assert.Equal(0, unused.ExitCode);
        using var json = JsonDocument.Parse(unused.Stdout);
        var finding = Assert.Single(json.RootElement.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("code").GetString()!.StartsWith("waiver-", StringComparison.Ordinal));
        Assert.Equal("waiver-unused", finding.GetProperty("code").GetString());
        Assert.Contains("W-2026-015", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
