using System.Globalization;
using System.Text;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;
using AnatomyBot.Core.Tests.Support;

namespace AnatomyBot.Core.Tests.Anatomy;

/// <summary>Every lint finding's wording, severity, position and order, pinned by a golden file
/// (<c>Anatomy/Golden/lint.txt</c>) over an anatomy written to raise each one (<c>Anatomy/Golden/lint-findings.yml</c>).</summary>
public sealed class AnatomyLintGoldenTests
{
    [Fact]
    public void Lint_AnatomyWithEveryFinding_MatchesTheGoldenFile()
    {
        var parsed = AnatomyParser.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Anatomy", "Golden", "lint-findings.yml")));
        Assert.True(parsed.IsValid, string.Join("\n", parsed.Errors.Select(e => e.Message)));

        var stillOpen = GapCodes.All.Select(code => new Gap(code, GapSeverity.Warn, "m", "f", [])).ToList();
        var unused = WaiverLinter.Unused(parsed.Anatomy!, [("contoso/web#1", stillOpen), ("4711", [])]);
        var report = AnatomyLinter.Lint(parsed.Anatomy!, new DateOnly(2026, 12, 1), unused);

        var text = new StringBuilder();
        foreach (var d in report.Diagnostics)
        {
            text.Append(CultureInfo.InvariantCulture, $"{d.Position.Line}:{d.Position.Column} {d.Severity.ToString().ToLowerInvariant()} {d.Code} {d.ElementId}: {d.Message}\n");
        }

        foreach (var c in report.Completeness)
        {
            text.Append(CultureInfo.InvariantCulture, $"{c}\n");
        }

        GoldenFiles.AssertMatches("Anatomy", "lint.txt", text.ToString());
        Assert.Equal(AnatomyLinter.Severities.Keys.Order(StringComparer.Ordinal), report.Diagnostics.Select(d => d.Code).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Lint_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>("anatomy", () => AnatomyLinter.Lint(null!));
    }
}
