using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Tests.Linkage.Ranking;

/// <summary>What the ranking reads besides plain words: abbreviations of the anatomy's words, derived forms, and the
/// item's own trace (components below its stage lead); and what the fix says when no suggestion clearly leads.</summary>
public sealed class SuggestionRankerTests
{
    private static readonly EnterpriseAnatomy Procurement = new(
        [new Outcome { Id = "O-PAID", Name = "Suppliers paid on time" }],
        [
            new ValueStream
            {
                Id = "VS-P2P",
                Name = "Procure to pay",
                Outcomes = ["O-PAID"],
                Stages =
                [
                    new Stage { Id = "S-REQUEST", Name = "Requisition raised", ValueStreamId = "VS-P2P", Order = 0, Logic = ["L-FORM"] },
                    new Stage { Id = "S-ORDER", Name = "Order placed", ValueStreamId = "VS-P2P", Order = 1, Logic = ["L-ORDER"] },
                ],
            },
        ],
        [
            new LogicElement { Id = "L-FORM", Name = "Requisition form", Kind = LogicKind.Ui, Components = ["C-PORTAL"] },
            new LogicElement { Id = "L-ORDER", Name = "Purchase order creation", Kind = LogicKind.Rule, Components = ["C-ORDERS", "C-AUDIT"] },
        ],
        [
            new Component { Id = "C-PORTAL", Name = "Requisition portal", Kind = ComponentKind.Ui, Description = "Employees raise purchase requisitions." },
            new Component { Id = "C-ORDERS", Name = "Purchase order service", Kind = ComponentKind.Workflow, Description = "Creates purchase orders." },
            new Component { Id = "C-AUDIT", Name = "Procurement audit trail", Kind = ComponentKind.Audit, Description = "Who changed what, for auditors." },
            new Component { Id = "C-MAILER", Name = "Supplier mailer", Kind = ComponentKind.Integration, Description = "Sends supplier e-mails." },
        ],
        null);

    [Theory]
    [InlineData("Prefill the req", "C-PORTAL")] // a short word that begins a term
    [InlineData("New POs go out at noon", "C-ORDERS")] // an acronym in capitals, plural
    [InlineData("Auditing every change", "C-AUDIT")] // a derived form
    public void Rank_AbbreviationOrDerivedForm_ReadAsTheWord(string title, string expected)
    {
        var gap = ComponentGap(Item(title));

        Assert.Equal(expected, gap.Suggestions[0].Id);
    }

    [Fact]
    public void Rank_LowerCaseTwoLetterWord_NotReadAsAnAcronym()
    {
        var gap = ComponentGap(Item("Fix the po quickly"));

        Assert.Empty(gap.Suggestions);
    }

    [Fact]
    public void Rank_TextMatchesComponentBelowItsStage_ThatComponentLeadsABetterTextMatch()
    {
        // The mailer matches the words best; below the item's stage the order service matches "orders" (by its name)
        // and the audit trail too (by the logic it makes real), in that order.
        var story = Item("Mail orders to the supplier mailer supplier", parent: "f");
        var feature = new WorkItem { Id = "f", Source = ItemSource.GitHub, Kind = ItemKind.Feature, Title = "Ordering", Body = "Stage: S-ORDER", Scope = "acme/p2p" };

        var gap = ComponentGap(story, feature);

        Assert.Equal(["C-ORDERS", "C-AUDIT", "C-MAILER"], gap.Suggestions.Select(s => s.Id));
        Assert.True(gap.FirstLeads);
        Assert.Contains("`Component: C-ORDERS`", gap.Fix, StringComparison.Ordinal);
        Assert.DoesNotContain(GapText.NoClearLead, gap.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Rank_NoTextMatchBelowItsStage_ThoseComponentsSuggestedButNoneLeads()
    {
        var story = Item("Something vague", parent: "f");
        var feature = new WorkItem { Id = "f", Source = ItemSource.GitHub, Kind = ItemKind.Feature, Title = "Ordering", Body = "Stage: S-ORDER", Scope = "acme/p2p" };

        var gap = ComponentGap(story, feature);

        Assert.Equal(["C-AUDIT", "C-ORDERS"], gap.Suggestions.Select(s => s.Id));
        Assert.False(gap.FirstLeads);
        Assert.Null(gap.LeadingId);
        Assert.Contains(GapText.NoClearLead, gap.Fix, StringComparison.Ordinal);
        Assert.Contains("`Component: <component id>`", gap.Fix, StringComparison.Ordinal);
    }

    private static WorkItem Item(string title, string? parent = null) => new()
    {
        Id = "s",
        Source = ItemSource.GitHub,
        Kind = ItemKind.Story,
        Title = title,
        Body = "",
        ParentId = parent,
        Scope = "acme/p2p",
    };

    private static Gap ComponentGap(params WorkItem[] items) =>
        new LinkageEngine(Procurement).Evaluate(items)[0].Gaps.Single(g => g.Code == GapCodes.NoComponent);
}
