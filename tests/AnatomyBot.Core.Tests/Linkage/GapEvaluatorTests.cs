using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Tests.Linkage;

/// <summary>The fix line of a missing-layer gap (<see cref="GapEvaluator"/>): it asks the reader to pick from the
/// suggestions only when there are suggestions and none leads; with none to give it names the placeholder alone.</summary>
public sealed class GapEvaluatorTests
{
    [Fact]
    public void Find_MissingLayerTheAnatomyHasNothingOf_FixNamesThePlaceholderWithoutPointingAtSuggestions()
    {
        var anatomy = new EnterpriseAnatomy(
            [new Outcome { Id = "O-GROWTH", Name = "Growth" }],
            [],
            [],
            [new Component { Id = "C-SHOP", Name = "Shop front", Kind = ComponentKind.Integration }],
            new AnatomyPolicy { Rules = new Dictionary<ItemKind, PolicyRule> { [ItemKind.Story] = new([LinkRequirement.Logic], GapSeverity.Warn) } });
        var story = new WorkItem { Id = "acme/shop#1", Source = ItemSource.GitHub, Kind = ItemKind.Story, Title = "Shop front growth", Body = "", Scope = "acme/shop" };

        var gap = Assert.Single(new LinkageEngine(anatomy).Evaluate([story])[0].Gaps);

        Assert.Equal(GapCodes.NoLogic, gap.Code);
        Assert.Empty(gap.Suggestions);
        Assert.False(gap.FirstLeads);
        Assert.Equal("Add `Logic: <logic id>` to the description (or the label `logic:<logic id>`).", gap.Fix);
    }
}
