using System.Text.Json;
using AnatomyBot.Cli.Commands.Check;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;

namespace AnatomyBot.Cli.Tests.Checking;

/// <summary>The report's order and counts over a backlog larger than one counting range (8,192 items), whatever order
/// the file has.</summary>
public sealed class CheckReportTests
{
    private const int Items = 20_000;

    private static readonly EnterpriseAnatomy Anatomy =
        AnatomyParser.Parse(File.ReadAllText(CheckCli.Fixture("anatomy.yml"))).Anatomy!;

    public static TheoryData<string> Orders => ["ascending", "descending", "shuffled", "one-swap-across-ranges"];

    [Theory]
    [MemberData(nameof(Orders))]
    public void ItemsComeOutInIdOrder_AndCountsCoverEveryItem(string order)
    {
        var ids = Enumerable.Range(1, Items).ToArray();
        switch (order)
        {
            case "descending":
                Array.Reverse(ids);
                break;
            case "shuffled":
                new Random(7).Shuffle(ids);
                break;
            case "one-swap-across-ranges":
                // In order within every range of 8,192: only the comparison across a range boundary sees it.
                (ids[8191], ids[8192]) = (ids[8192], ids[8191]);
                break;
        }

        var report = Run(ids);

        Assert.Equal(Enumerable.Range(1, Items).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), report.Items.Select(i => i.Id));
        Assert.Equal(Items, report.LayerCounts.Values.Sum());
        Assert.Equal(report.Items.Count(i => i.Gaps.Count > 0), report.WithGaps);
        Assert.Equal(report.Items.Sum(i => i.Gaps.Count), report.GapCounts.Values.Sum());
        Assert.Equal(report.Items.Sum(i => i.Gaps.Count), report.SeverityCounts.Values.Sum());
        Assert.Equal(report.Items.Count(i => i.Layer == Layer.Component), report.LayerCounts.GetValueOrDefault(Layer.Component));
        Assert.Equal(Items / 2, report.GapCounts[GapCodes.NoComponent]);
    }

    [Fact]
    public void EmptyBacklog_NoItems_EveryCountZero_Passes()
    {
        var report = CheckPipeline.Run(Anatomy, [("empty.json", new MemoryStream("[]"u8.ToArray()))], FailOn.Warn);

        Assert.Empty(report.Items);
        Assert.Equal((0, 0, 0), (report.WithGaps, report.Exempt, report.WithDiagnostics));
        Assert.All(report.GapCounts.Values, count => Assert.Equal(0, count));
        Assert.Empty(report.SeverityCounts);
        Assert.False(report.Failed);
    }

    /// <summary>Stories, every other one naming a component (the other half has a no-component gap).</summary>
    private static CheckReport Run(int[] ids)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteNumber("count", ids.Length);
            json.WriteStartArray("value");
            foreach (var id in ids)
            {
                json.WriteStartObject();
                json.WriteNumber("id", id);
                json.WriteStartObject("fields");
                json.WriteString("System.WorkItemType", "User Story");
                json.WriteString("System.Title", $"Story {id}");
                json.WriteString("System.Description", id % 2 == 0
                    ? "<div>Outcome: OUT-FAST-ACTIVATION</div><div>Stage: ST-QUALIFIED</div><div>Component: C-CREDIT-ADAPTER</div>"
                    : "<div>Outcome: OUT-FAST-ACTIVATION</div><div>Stage: ST-QUALIFIED</div>");
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        stream.Position = 0;
        return CheckPipeline.Run(Anatomy, [("backlog.json", stream)], FailOn.Block);
    }
}
