using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;
using static AnatomyBot.Core.Tests.Linkage.TestAnatomy;

namespace AnatomyBot.Core.Tests.Linkage;

/// <summary>A batch's results as values say what the evaluation objects say, item for item.</summary>
public sealed class EvaluateEachTests
{
    private static readonly WorkItem[] Items =
    [
        Ado("1", ItemKind.Epic, "<p>Outcome: O-FASTER-ONBOARDING</p>"),
        Ado("2", ItemKind.Feature, "<p>Stage: S-PRICE</p>", parent: "1"),
        Ado("3", ItemKind.Story, "<p>Component: C-NOPE</p>", parent: "2"),
        Ado("4", ItemKind.Story, parent: "404", title: "Price the quote with the discount rules"),
        Pr("acme/shop#9", "Fixes #3", author: "dependabot[bot]"),
    ];

    [Fact]
    public void EvaluateEach_MatchesEvaluate_ItemForItem()
    {
        var engine = new LinkageEngine(Create());

        AssertSame(engine.Evaluate(Items), engine.EvaluateEach([.. Items.Select(engine.Prepare)]));
    }

    /// <summary>A reader fills one draft item after item: what was prepared from it before is untouched.</summary>
    [Fact]
    public void EvaluateEach_PreparedFromOneRefilledDraft_MatchesEvaluate()
    {
        var engine = new LinkageEngine(Create());
        var draft = new WorkItemDraft();

        var prepared = Items.Select(item => engine.Prepare(draft.From(item), item.Body)).ToArray();
        draft.From(Ado("99", ItemKind.Epic, "<p>Outcome: O-NOPE</p>"));

        AssertSame(engine.Evaluate(Items), engine.EvaluateEach(prepared));
    }

    private static void AssertSame(IReadOnlyList<ItemEvaluation> objects, EvaluatedItem[] values)
    {
        Assert.Equal(objects.Count, values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            Assert.Equal(objects[i].Item.Id, values[i].Item.Id);
            Assert.Equal(objects[i].Item.Kind, values[i].Item.Kind);
            Assert.Equal(objects[i].Item.Title, values[i].Item.Title);
            Assert.Equal(objects[i].Layer, values[i].Layer);
            Assert.Equal(objects[i].Trace.Outcomes, values[i].Trace.Outcomes);
            Assert.Equal(objects[i].Trace.Stages, values[i].Trace.Stages);
            Assert.Equal(objects[i].Trace.Logic, values[i].Trace.Logic);
            Assert.Equal(objects[i].Trace.Components, values[i].Trace.Components);
            Assert.Equal(objects[i].Gaps.Select(g => (g.Code, g.Severity, g.Message, g.Fix)), values[i].Gaps.Select(g => (g.Code, g.Severity, g.Message, g.Fix)));
            Assert.Equal(objects[i].Gaps.SelectMany(g => g.Suggestions), values[i].Gaps.SelectMany(g => g.Suggestions));
            Assert.Equal(objects[i].Diagnostics, values[i].Diagnostics);
            Assert.Equal(objects[i].ExemptReason, values[i].ExemptReason);
            Assert.Equal(objects[i].LinkedItems, values[i].LinkedItems);
            Assert.Equal(objects[i].Verdict, values[i].Verdict);
        }

        Assert.Contains(values, v => v.Gaps.Count > 0);
        Assert.Contains(values, v => v.ExemptReason is not null);
        Assert.Contains(values, v => v.Diagnostics.Count > 0);
    }
}
