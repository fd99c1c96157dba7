using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Tests.Waivers;

public sealed class WaiverLinterTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    private static EnterpriseAnatomy Parse(string waivers, string policy = "")
    {
        var result = AnatomyParser.Parse($"version: 1\n{policy}waivers:\n{waivers}");
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return result.Anatomy!;
    }

    private static string Entry(string id, string gaps = "[no-component]", string until = "2026-12-31") =>
        $"  - {{ id: {id}, items: [\"4711\"], gaps: {gaps}, until: {until}, reason: Spike, approvedBy: \"@contoso/architects\" }}\n";

    [Fact]
    public void Lint_ValidWaiver_NoFinding()
    {
        var report = AnatomyLinter.Lint(Parse(Entry("W-1")), Today);

        Assert.DoesNotContain(report.Diagnostics, d => d.Code.StartsWith("waiver-", StringComparison.Ordinal));
    }

    [Fact]
    public void Lint_UnknownCodePastDateTooLongAndDuplicate_AreErrors()
    {
        var anatomy = Parse(
            Entry("W-1", "[no-compnent]") + Entry("W-2", until: "2026-11-30") + Entry("W-3", until: "2027-03-02") + Entry("w-1", "[\"*\"]"));

        var report = AnatomyLinter.Lint(anatomy, Today);

        var waiverFindings = report.Diagnostics.Where(d => d.Code.StartsWith("waiver-", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                ("waiver-unknown-gap", "W-1", "waiver 'W-1' names 'no-compnent', which is not a gap code (did you mean 'no-component'?); use no-outcome, no-stage, no-logic, no-component, no-work-item, unknown-ref or *"),
                ("waiver-expired", "W-2", "waiver 'W-2' expired on 2026-11-30 and is ignored: remove it, or renew it with a new date and reason"),
                ("waiver-too-long", "W-3", "waiver 'W-3' runs until 2027-03-02, 91 days from 2026-12-01; at most 90 days are allowed (policy.waivers.maxDays)"),
                ("waiver-duplicate-id", "w-1", "waiver id 'w-1' is already used by the waiver at 3:5 (waiver ids are unique, ignoring case)"),
            ],
            waiverFindings.Select(d => (d.Code, d.ElementId!, d.Message)));
        Assert.All(waiverFindings, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        Assert.True(report.HasErrors);
    }

    [Fact]
    public void Lint_MaxDaysFromPolicy_Applies()
    {
        var anatomy = Parse(Entry("W-1", until: "2026-12-12"), "policy:\n  waivers: { maxDays: 10 }\n");

        var finding = Assert.Single(AnatomyLinter.Lint(anatomy, Today).Diagnostics, d => d.Code == "waiver-too-long");
        Assert.Contains("11 days from 2026-12-01; at most 10 days", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(AnatomyLinter.Lint(anatomy, new DateOnly(2026, 12, 2)).Diagnostics, d => d.Code == "waiver-too-long");
    }

    [Fact]
    public void Lint_MisspelledGapCodeWithBacklog_ReportedOnce()
    {
        var anatomy = Parse(Entry("W-1", "[no-componnet]"));
        var gap = new Gap(GapCodes.NoComponent, GapSeverity.Warn, "m", "f", []);

        var report = AnatomyLinter.Lint(anatomy, Today, WaiverLinter.Unused(anatomy, [("4711", [gap])]));

        var finding = Assert.Single(report.Diagnostics, d => d.ElementId == "W-1");
        Assert.Equal("waiver-unknown-gap", finding.Code);
    }

    [Fact]
    public void Unused_WaiverMatchingNoGap_IsAWarning()
    {
        var anatomy = Parse(Entry("W-USED") + Entry("W-FIXED", "[no-outcome]") + Entry("W-ALL", "[\"*\"]"));
        var gap = new Gap(GapCodes.NoComponent, GapSeverity.Warn, "m", "f", []);

        var unused = WaiverLinter.Unused(anatomy, [("4711", [gap])]).ToList();

        var finding = Assert.Single(unused);
        Assert.Equal(("waiver-unused", DiagnosticSeverity.Warning, "W-FIXED"), (finding.Code, finding.Severity, finding.ElementId!));
        Assert.Equal("waiver 'W-FIXED' matches no gap of the backlog: its items (4711) have none of no-outcome; remove it if the work is fixed", finding.Message);
    }
}
