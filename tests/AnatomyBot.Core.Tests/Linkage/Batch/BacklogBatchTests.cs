using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Linkage.Batch;
using AnatomyBot.Core.Policy;
using static AnatomyBot.Core.Tests.Linkage.TestAnatomy;

namespace AnatomyBot.Core.Tests.Linkage.Batch;

/// <summary>A backlog added in parts, as <c>check</c> adds it, against expectations written out by hand.</summary>
public sealed class BacklogBatchTests
{
    private const string Unreadable = "item 3 of backlog.json: expected a work item object, found string";

    [Fact]
    public void Complete_PartsFilledOutOfOrder_UnreadableLinesFirst_ThenItemsInPartOrder_LinkedAcrossParts()
    {
        var batch = new BacklogBatch(new LinkageEngine(Create()));
        var first = batch.StartPart();
        var second = batch.StartPart();

        // The second part is filled first, from one draft refilled item after item.
        var draft = new WorkItemDraft();
        second.Add(draft.From(Ado("3", ItemKind.Story, parent: "2", title: "Price the quote with the discount rules")), "<p>Component: C-NOPE</p>");
        second.AddUnreadable("backlog.json[3]", ItemSource.AzureDevOps, Unreadable);
        second.Add(draft.From(Pr("acme/shop#9", author: "carol") with { LinkedItemIds = ["3"] }), "Audit who changed the price");
        second.Dispose();
        first.Add(Ado("1", ItemKind.Epic, "<p>Outcome: O-UNUSED</p>"));
        first.Add(Ado("2", ItemKind.Feature, "<p>Stage: S-PRICE</p>", parent: "1"));
        first.Dispose();

        var results = batch.Complete();

        Assert.Equal(["backlog.json[3]", "1", "2", "3", "acme/shop#9"], results.Select(r => r.Id));

        var unreadable = results[0];
        Assert.Equal((ItemSource.AzureDevOps, ItemKind.Other, "", Layer.Unmapped), (unreadable.Source, unreadable.Kind, unreadable.Title, unreadable.Layer));
        Assert.Same(Trace.Empty, unreadable.Trace);
        Assert.Empty(unreadable.Gaps);
        Assert.Equal([Unreadable], unreadable.Diagnostics);

        var epic = results[1];
        Assert.Equal(Layer.Outcome, epic.Layer);
        AssertTrace(epic.Trace, outcomes: ["O-UNUSED"]);
        Assert.Empty(epic.Gaps);

        // The feature's stage implies the stage's outcome and its value stream's; the epic adds its own outcome.
        var feature = results[2];
        Assert.Equal(Layer.Stage, feature.Layer);
        AssertTrace(feature.Trace, outcomes: ["O-FASTER-ONBOARDING", "O-FEWER-PRICING-ERRORS", "O-UNUSED"], stages: ["S-PRICE"]);
        Assert.Empty(feature.Gaps);

        // The story inherits outcomes and stages (not the layer); its unknown id and its missing component are gaps.
        var story = results[3];
        Assert.Equal(Layer.Unmapped, story.Layer);
        AssertTrace(story.Trace, outcomes: ["O-FASTER-ONBOARDING", "O-FEWER-PRICING-ERRORS", "O-UNUSED"], stages: ["S-PRICE"]);
        Assert.Equal([GapCodes.NoComponent, GapCodes.UnknownRef], story.Gaps.Select(g => g.Code));
        Assert.All(story.Gaps, g => Assert.Equal(GapSeverity.Warn, g.Severity));
        Assert.Equal("This story names no component specification (P4), so its change cannot be traced to the system.", story.Gaps[0].Message);
        Assert.Equal("Add `Component: C-PRICING-RULES` to the description (or the tag `component:C-PRICING-RULES`).", story.Gaps[0].Fix);
        Assert.Equal("`C-NOPE` is not a component in the anatomy, so this link counts for nothing.", story.Gaps[1].Message);
        Assert.Equal("Replace `C-NOPE` with `C-PRICING-RULES` (or another component id from anatomy.yml).", story.Gaps[1].Fix);
        Assert.Equal(GapSeverity.Warn, story.Verdict);

        // The pull request takes all of the story's links; what it still lacks is a component, which blocks. Its text
        // matches the audit log best, but the component below its stage that its text matches (price) leads.
        var pr = results[4];
        Assert.Equal(["3"], pr.LinkedItems);
        AssertTrace(pr.Trace, outcomes: ["O-FASTER-ONBOARDING", "O-FEWER-PRICING-ERRORS", "O-UNUSED"], stages: ["S-PRICE"]);
        var gap = Assert.Single(pr.Gaps);
        Assert.Equal((GapCodes.NoComponent, GapSeverity.Block), (gap.Code, gap.Severity));
        Assert.Equal("Add `Component: C-PRICING-RULES` to the description (or the label `component:C-PRICING-RULES`).", gap.Fix);
        Assert.Equal(["C-PRICING-RULES", "C-AUDIT-LOG"], gap.Suggestions.Select(s => s.Id));
        Assert.Null(pr.ExemptReason);
        Assert.Empty(pr.Diagnostics);
    }

    [Fact]
    public void Complete_ExemptPullRequestAndMissingLinks_AreNotedNotJudged()
    {
        var batch = new BacklogBatch(new LinkageEngine(Create()));
        using (var part = batch.StartPart())
        {
            part.Add(Pr("acme/shop#7", "Fixes #404", author: "dependabot[bot]"));
        }

        var pr = Assert.Single(batch.Complete());

        Assert.Equal("opened by `dependabot[bot]` (exempt authors: `*[bot]`)", pr.ExemptReason);
        Assert.Empty(pr.Gaps);
        Assert.Null(pr.Verdict);
        Assert.Empty(pr.LinkedItems);
        Assert.Equal(["linked work item `acme/shop#404` is not among the items read"], pr.Diagnostics);
    }

    [Fact]
    public void Complete_WithAPartNotDisposed_Throws_AndABatchCompletesOnce()
    {
        var batch = new BacklogBatch(new LinkageEngine(Create()));
        var part = batch.StartPart();
        part.Add(Ado("1", ItemKind.Epic));

        Assert.Throws<InvalidOperationException>(() => batch.Complete());
        part.Dispose();
        Assert.Single(batch.Complete());
        Assert.Throws<ObjectDisposedException>(() => batch.Complete());
        Assert.Throws<ObjectDisposedException>(() => part.Add(Ado("2", ItemKind.Epic)));
    }

    /// <summary>3,000 items in six repeating shapes, added in parts of 500 (and evaluated in parallel), each checked
    /// against what its shape must give.</summary>
    [Fact]
    public void Complete_ThousandsOfItemsInParts_EachAsItsShapeGives()
    {
        var items = Enumerable.Range(0, 3000).Select(i => (i % 6) switch
        {
            0 => Ado($"{i}", ItemKind.Epic, "<p>pricing discount</p>", title: "Quote accuracy " + i),
            1 => Ado($"{i}", ItemKind.Feature, "<p>Stage: S-PRICE</p>", parent: $"{i - 1}"),
            2 => Ado($"{i}", ItemKind.Story, "<p>Component: C-KYC-SERVICE, C-BOGUS</p>", parent: $"{i - 1}"),
            3 => Ado($"{i}", ItemKind.Story, "identity verification", parent: $"{i + 7}") with { Labels = ["anatomy:exempt"] },
            4 => Pr($"pr{i}", $"Fixes #{i - 2}\nComponent: C-PRICING-RULES") with { Id = $"{i}", Source = ItemSource.AzureDevOps, LinkedItemIds = [$"{i - 2}"] },
            _ => Ado($"{i}", ItemKind.Other, "<p>Logic: L-NOPE</p>", parent: $"{i}"),
        }).ToArray();
        var batch = new BacklogBatch(new LinkageEngine(Create()));
        foreach (var chunk in items.Chunk(500))
        {
            using var part = batch.StartPart();
            foreach (var item in chunk)
            {
                part.Add(item);
            }
        }

        var results = batch.Complete();

        string[] bothOutcomes = ["O-FASTER-ONBOARDING", "O-FEWER-PRICING-ERRORS"];
        Assert.Equal(items.Select(i => i.Id), results.Select(r => r.Id));
        for (var i = 0; i < results.Length; i++)
        {
            var result = results[i];
            switch (i % 6)
            {
                case 0: // nothing named: no outcome, the alias "quote accuracy" in its title ranks the likely one first
                    Assert.Equal(Layer.Unmapped, result.Layer);
                    AssertTrace(result.Trace);
                    var gap = Assert.Single(result.Gaps);
                    Assert.Equal((GapCodes.NoOutcome, GapSeverity.Warn, "O-FEWER-PRICING-ERRORS"), (gap.Code, gap.Severity, gap.Suggestions[0].Id));
                    break;
                case 1: // a stage implies its own and its value stream's outcomes
                    Assert.Equal(Layer.Stage, result.Layer);
                    AssertTrace(result.Trace, outcomes: bothOutcomes, stages: ["S-PRICE"]);
                    Assert.Empty(result.Gaps);
                    break;
                case 2: // a component implies its logic, stage and outcome, and its parent adds the other stage
                    Assert.Equal(Layer.Component, result.Layer);
                    AssertTrace(result.Trace, outcomes: bothOutcomes, stages: ["S-APPLY", "S-PRICE"], logic: ["L-KYC-CHECK"], components: ["C-KYC-SERVICE"]);
                    Assert.Equal([(GapCodes.UnknownRef, GapSeverity.Warn)], result.Gaps.Select(g => (g.Code, g.Severity)));
                    break;
                case 3 when i + 7 < items.Length: // exempt; inherits outcomes and stages from the pull request it names as parent
                    Assert.Equal("labelled `anatomy:exempt`", result.ExemptReason);
                    AssertTrace(result.Trace, outcomes: bothOutcomes, stages: ["S-APPLY", "S-PRICE"]);
                    Assert.Empty(result.Gaps);
                    Assert.Empty(result.Diagnostics);
                    break;
                case 3:
                    Assert.Equal([$"parent `{i + 7}` is not among the items read; nothing was inherited from it"], result.Diagnostics);
                    AssertTrace(result.Trace);
                    break;
                case 4: // the pull request's own component and everything of the story it links
                    Assert.Equal([$"{i - 2}"], result.LinkedItems);
                    Assert.Equal(Layer.Component, result.Layer);
                    AssertTrace(result.Trace, outcomes: bothOutcomes, stages: ["S-APPLY", "S-PRICE"], logic: ["L-KYC-CHECK", "L-PRICING"], components: ["C-KYC-SERVICE", "C-PRICING-RULES"]);
                    Assert.Empty(result.Gaps);
                    break;
                default: // its own parent: a cycle; an unknown id is at most as severe as its rule (info)
                    Assert.Equal([$"parent cycle {i} → {i}; nothing is inherited along it"], result.Diagnostics);
                    Assert.Equal([(GapCodes.UnknownRef, GapSeverity.Info)], result.Gaps.Select(g => (g.Code, g.Severity)));
                    AssertTrace(result.Trace);
                    break;
            }
        }
    }

    private static void AssertTrace(Trace trace, string[]? outcomes = null, string[]? stages = null, string[]? logic = null, string[]? components = null)
    {
        Assert.Equal(outcomes ?? [], trace.Outcomes);
        Assert.Equal(stages ?? [], trace.Stages);
        Assert.Equal(logic ?? [], trace.Logic);
        Assert.Equal(components ?? [], trace.Components);
    }
}
