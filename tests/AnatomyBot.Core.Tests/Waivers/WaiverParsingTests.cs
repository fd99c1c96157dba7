using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.Core.Tests.Waivers;

public sealed class WaiverParsingTests
{
    private const string Waiver = """
        waivers:
          - id: W-2026-014
            items: ["contoso/web#123", "4711"]
            gaps: [no-component]
            until: 2026-12-31
            reason: "Spike; the component spec follows in Q1"
            approvedBy: "@contoso/architects"
        """;

    private static AnatomyParseResult Parse(string yaml) => AnatomyParser.Parse("version: 1\n" + yaml);

    [Fact]
    public void Parse_WellFormedWaiver_ReadsEveryField()
    {
        var result = Parse(Waiver);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var waiver = Assert.Single(result.Anatomy!.Waivers);
        Assert.Equal("W-2026-014", waiver.Id);
        Assert.Equal(["contoso/web#123", "4711"], waiver.Items);
        Assert.Equal(["no-component"], waiver.Gaps);
        Assert.Equal(new DateOnly(2026, 12, 31), waiver.Until);
        Assert.Equal("Spike; the component spec follows in Q1", waiver.Reason);
        Assert.Equal("@contoso/architects", waiver.ApprovedBy);
        Assert.Equal(new SourcePosition(3, 5), waiver.Position);
    }

    [Fact]
    public void Parse_UnknownGapCodeAndPastDate_AreNotParseErrors()
    {
        var result = Parse(Waiver.Replace("no-component", "no-compnent", StringComparison.Ordinal).Replace("2026-12-31", "2001-01-01", StringComparison.Ordinal));

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal("no-compnent", Assert.Single(result.Anatomy!.Waivers).Gaps[0]);
    }

    [Theory]
    [InlineData("until: 2026-12-31", "until: 31/12/2026", "invalid-value", "waivers[0].until: '31/12/2026' is not a date; write it as YYYY-MM-DD")]
    [InlineData("until: 2026-12-31", "until: 2026-02-30", "invalid-value", "waivers[0].until: '2026-02-30' is not a date; write it as YYYY-MM-DD")]
    [InlineData("id: W-2026-014", "id: 2026-014", "invalid-value", "waivers[0].id: '2026-014' is not a valid id")]
    [InlineData("\"4711\"", "\"#4711\"", "invalid-value", "waivers[0].items: '#4711' is not a GitHub owner/repo#N nor an Azure DevOps work item id")]
    [InlineData("gaps: [no-component]", "gaps: []", "missing-field", "waivers[0].gaps must not be empty")]
    [InlineData("gaps: [no-component]", "gaps: no-component", "wrong-type", "waivers[0].gaps: expected a list")]
    [InlineData("    reason: \"Spike; the component spec follows in Q1\"\n", "", "missing-field", "waivers[0]: 'reason' is required")]
    [InlineData("approvedBy:", "approver:", "unknown-key", "waivers[0]: unknown key 'approver'")]
    public void Parse_MalformedShape_IsAParseError(string find, string replace, string code, string message)
    {
        var result = Parse(Waiver.Replace(find, replace, StringComparison.Ordinal));

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Code == code && e.Message.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_PolicyWaivers_ReadsMaxDaysAndApprovers()
    {
        var result = Parse("""
            policy:
              waivers:
                maxDays: 30
                approvers: ["@contoso/architects", "alice"]
            """);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(30, result.Anatomy!.Policy.Waivers.MaxDays);
        Assert.Equal(["@contoso/architects", "alice"], result.Anatomy.Policy.Waivers.Approvers);
        Assert.Equal(90, AnatomyParser.Parse("version: 1\n").Anatomy!.Policy.Waivers.MaxDays);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("ninety")]
    [InlineData("99999")]
    public void Parse_MaxDaysOutOfRange_IsInvalid(string value)
    {
        var result = Parse($"policy:\n  waivers:\n    maxDays: {value}\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal("invalid-value", error.Code);
        Assert.StartsWith("policy.waivers.maxDays: expected a whole number of days from 1 to 3660", error.Message, StringComparison.Ordinal);
    }
}
