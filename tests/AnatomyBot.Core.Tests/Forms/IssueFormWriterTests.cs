using System.Text;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Forms;
using AnatomyBot.Core.Tests.Support;
using YamlDotNet.RepresentationModel;
using static AnatomyBot.Core.Tests.Linkage.TestAnatomy;

namespace AnatomyBot.Core.Tests.Forms;

public sealed class IssueFormWriterTests
{
    [Theory]
    [InlineData("epic.yml")]
    [InlineData("feature.yml")]
    [InlineData("story.yml")]
    public void Create_TestAnatomy_MatchesTheGoldenForm(string fileName)
    {
        var form = IssueFormWriter.Create(Create(), "docs/anatomy.yml").Single(f => f.FileName == fileName);

        GoldenFiles.AssertMatches("Forms", fileName, form.Text);
    }

    [Fact]
    public void Create_SameAnatomyTwice_GivesTheSameText()
    {
        var first = IssueFormWriter.Create(Create(), "anatomy.yml");
        var second = IssueFormWriter.Create(Create(), "anatomy.yml");

        Assert.Equal(first, second);
        Assert.Equal(["epic.yml", "feature.yml", "story.yml"], first.Select(f => f.FileName));
    }

    [Fact]
    public void FilledForm_EveryOptionPicked_ReadsBackAsItsIds()
    {
        var story = Fields(IssueFormWriter.Create(Create(), "anatomy.yml").Single(f => f.FileName == "story.yml"));
        var body = new StringBuilder();
        foreach (var (label, options) in story)
        {
            body.Append("### ").Append(label).Append("\n\n").Append(options.Count == 0 ? "_No response_" : string.Join(", ", options)).Append("\n\n");
        }

        var result = EvaluateOne(Story("acme/shop#1", body.ToString()));

        Assert.Equal(["S-ACTIVATE", "S-APPLY", "S-PRICE"], result.Trace.Stages);
        Assert.Equal(["C-AUDIT-LOG", "C-KYC-SERVICE", "C-PRICING-RULES"], result.Trace.Components);
        Assert.DoesNotContain(result.Gaps, g => g.Code == "unknown-ref");
    }

    [Fact]
    public void Create_NamesWithSeparators_KeepOneIdPerChoice()
    {
        var anatomy = Create();
        anatomy = new EnterpriseAnatomy(
            [new Outcome { Id = "O-A", Name = "Faster, cheaper; better\nonboarding" }, .. anatomy.Outcomes],
            anatomy.ValueStreams, anatomy.Logic, anatomy.Components);
        var epic = Fields(IssueFormWriter.Create(anatomy, "anatomy.yml").Single(f => f.FileName == "epic.yml"));

        var options = epic.Single(f => f.Label == "Outcomes").Options;
        var result = EvaluateOne(Story("acme/shop#1", "### Outcomes\n\n" + string.Join(", ", options.Take(2)) + "\n"), anatomy);

        Assert.Equal("O-A — Faster cheaper better onboarding", options[0]);
        Assert.Equal(["O-A", "O-FASTER-ONBOARDING"], result.Trace.Outcomes);
        Assert.DoesNotContain(result.Gaps, g => g.Code == "unknown-ref");
    }

    [Fact]
    public void Create_NoComponentsOrStages_LeavesTheirDropdownsOut()
    {
        var anatomy = new EnterpriseAnatomy([new Outcome { Id = "O-A", Name = "A" }], [], [], []);

        var story = Fields(IssueFormWriter.Create(anatomy, "anatomy.yml").Single(f => f.FileName == "story.yml"));

        Assert.Equal(["Parent", "Description"], story.Select(f => f.Label));
    }

    /// <summary>Each field's label and its dropdown options, in form order (the markdown intro left out).</summary>
    private static List<(string Label, List<string> Options)> Fields(IssueForm form)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(form.Text));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var fields = new List<(string, List<string>)>();
        foreach (YamlMappingNode field in (YamlSequenceNode)root["body"])
        {
            var attributes = (YamlMappingNode)field["attributes"];
            if (((YamlScalarNode)field["type"]).Value == "markdown")
            {
                continue;
            }

            var options = attributes.Children.TryGetValue("options", out var list)
                ? ((YamlSequenceNode)list).Select(o => ((YamlScalarNode)o).Value!).ToList()
                : [];
            fields.Add((((YamlScalarNode)attributes["label"]).Value!, options));
        }

        return fields;
    }
}
