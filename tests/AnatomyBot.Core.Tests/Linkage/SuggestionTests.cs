using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;
using static AnatomyBot.Core.Tests.Linkage.TestAnatomy;

namespace AnatomyBot.Core.Tests.Linkage;

public sealed class SuggestionTests
{
    [Fact]
    public void MissingComponent_SuggestsBestTextMatch_FirstAndInFix()
    {
        var story = Story("acme/shop#1", "Stage: S-PRICE\nWe need new discount rule tables for the price engine.") with { Title = "Seasonal discount rules" };

        var gap = Assert.Single(EvaluateOne(story).Gaps);

        Assert.Equal(GapCodes.NoComponent, gap.Code);
        Assert.Equal("C-PRICING-RULES", gap.Suggestions[0].Id);
        Assert.Equal("Add `Component: C-PRICING-RULES` to the description (or the label `component:C-PRICING-RULES`).", gap.Fix);
        Assert.True(gap.Suggestions.Count <= 3);
        Assert.Equal(gap.Suggestions.OrderByDescending(s => s.Score).Select(s => s.Id), gap.Suggestions.Select(s => s.Id));
        Assert.All(gap.Suggestions, s => Assert.Equal(Math.Round(s.Score, 3), s.Score));
    }

    [Fact]
    public void MissingOutcome_AliasesCount()
    {
        var epic = Story("acme/shop#1") with { Kind = ItemKind.Epic, Title = "Improve quote accuracy" };

        var gap = Assert.Single(EvaluateOne(epic).Gaps);

        Assert.Equal("O-FEWER-PRICING-ERRORS", Assert.Single(gap.Suggestions).Id);
    }

    [Fact]
    public void NoMatchingWords_NoSuggestions_FixHasPlaceholder()
    {
        var epic = Story("acme/shop#1") with { Kind = ItemKind.Epic, Title = "Zebra" };

        var gap = Assert.Single(EvaluateOne(epic).Gaps);

        Assert.Empty(gap.Suggestions);
        Assert.Contains("<outcome id>", gap.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void EqualScores_TieBrokenById_AtMostThree()
    {
        var components = Enumerable.Range(0, 6)
            .Select(i => new Component { Id = $"C-{5 - i}", Name = "ledger", Kind = ComponentKind.Data })
            .ToArray();
        var anatomy = new EnterpriseAnatomy([], [], [], components);
        var story = Story("acme/shop#1") with { Title = "ledger" };

        var gap = EvaluateOne(story, anatomy).Gaps.Single(g => g.Code == GapCodes.NoComponent);

        Assert.Equal(["C-0", "C-1", "C-2"], gap.Suggestions.Select(s => s.Id));
        Assert.Single(gap.Suggestions.Select(s => s.Score).Distinct());
    }

    [Fact]
    public void AzureDevOpsPolicyField_FixNamesTheField()
    {
        var policy = new AnatomyPolicy { Fields = new Dictionary<string, Layer> { ["Custom.StrategicOutcome"] = Layer.Outcome } };

        var gap = Assert.Single(EvaluateOne(Ado("1", ItemKind.Epic, title: "Zebra"), Create(policy)).Gaps);

        Assert.StartsWith("Set the field `Custom.StrategicOutcome`", gap.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_IsDeterministic_AcrossRunsAndParallelism()
    {
        var items = Enumerable.Range(0, 5000).Select(i => (i % 4) switch
        {
            0 => Ado($"{i}", ItemKind.Epic, "<p>pricing discount</p>", title: "Quote accuracy " + i),
            1 => Ado($"{i}", ItemKind.Feature, "<p>Stage: S-PRICE</p>", parent: $"{i - 1}"),
            2 => Ado($"{i}", ItemKind.Story, "<p>Component: C-KYC-SERVICE, C-BOGUS</p>", parent: $"{i - 1}"),
            _ => Ado($"{i}", ItemKind.Story, "identity verification", parent: $"{i + 7}"),
        }).ToArray();
        var engine = new LinkageEngine(Create());

        var all = engine.Evaluate(items);
        var reversed = new LinkageEngine(Create()).Evaluate([.. items.Reverse()]).Reverse();
        var small = new LinkageEngine(Create()).Evaluate(items[..3]);

        Assert.Equal(Render(all), Render(reversed));
        Assert.Equal(Render(all), Render(engine.Evaluate(items)));
        Assert.Equal(Render(all.Take(3)), Render(small));
    }

    [Fact]
    public void Ranking_CommonAndRareTerms_ScoreAsBm25()
    {
        // 40 components: "ledger" in all (kept as a dense row), "audit" in one in four (dense), "zebra" in one (sparse).
        var components = Enumerable.Range(0, 40).Select(i => new Component
        {
            Id = $"C-{i:D2}",
            Name = "ledger" + (i % 4 == 0 ? " audit" : "") + (i == 17 ? " zebra" : ""),
            Description = string.Join(' ', Enumerable.Repeat("entry", i % 5)),
            Kind = ComponentKind.Data,
        }).ToArray();
        var story = Story("acme/shop#1") with { Title = "zebra ledger audit" };

        var gap = EvaluateOne(story, new EnterpriseAnatomy([], [], [], components)).Gaps.Single(g => g.Code == GapCodes.NoComponent);

        Assert.Equal(ExpectedBm25(components, ["zebra", "ledger", "audit"]).Take(3), gap.Suggestions.Select(s => (s.Id, s.Score)));
        Assert.Equal("C-17", gap.Suggestions[0].Id);
    }

    [Fact]
    public void Ranking_ManyCommonTerms_SummedFromGroupTables_ScoreAsBm25_WhateverTheQueryOrder()
    {
        // Twelve words that most of 60 components share: every one is a common term, summed from tables of four.
        string[] words = ["alpha", "bravo", "delta", "kilo", "lima", "metro", "omega", "pivot", "quota", "radar", "sigma", "tango"];
        var random = new Random(11);
        var components = Enumerable.Range(0, 60).Select(i => new Component
        {
            Id = $"C-{i:D2}",
            Name = words[i % words.Length],
            Description = string.Join(' ', Enumerable.Range(0, 3 + random.Next(6)).Select(_ => words[random.Next(words.Length)])),
            Kind = ComponentKind.Data,
        }).ToArray();
        var anatomy = new EnterpriseAnatomy([], [], [], components);

        for (var q = 0; q < 25; q++)
        {
            string[] query = [.. words.Where(_ => random.Next(3) == 0)];
            if (query.Length == 0)
            {
                continue;
            }

            var forward = EvaluateOne(Story("acme/shop#1") with { Title = string.Join(' ', query) }, anatomy).Gaps.Single(g => g.Code == GapCodes.NoComponent);
            var backward = EvaluateOne(Story("acme/shop#1") with { Title = string.Join(' ', query.Reverse()) }, anatomy).Gaps.Single(g => g.Code == GapCodes.NoComponent);

            Assert.Equal(ExpectedBm25(components, query).Take(3), forward.Suggestions.Select(s => (s.Id, s.Score)));
            Assert.Equal(forward.Suggestions, backward.Suggestions);
        }
    }

    /// <summary>BM25 (k1 = 1.2, b = 0.75) written out plainly, over name, aliases and description, ties by id.</summary>
    private static IEnumerable<(string Id, double Score)> ExpectedBm25(Component[] elements, string[] query)
    {
        var documents = elements.Select(e => (e.Id, Terms: $"{e.Name} {e.Description}".Split(' ', StringSplitOptions.RemoveEmptyEntries))).ToArray();
        var average = documents.Average(d => d.Terms.Length);
        return documents
            .Select(d => (d.Id, Score: Math.Round(query.Sum(term =>
            {
                var having = documents.Count(x => x.Terms.Contains(term));
                var count = d.Terms.Count(t => t == term);
                var idf = Math.Log(1 + ((documents.Length - having + 0.5) / (having + 0.5)));
                return count == 0 ? 0 : idf * count * 2.2 / (count + (1.2 * (0.25 + (0.75 * d.Terms.Length / average))));
            }), 3)))
            .Where(s => s.Score > 0)
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Id, StringComparer.Ordinal);
    }

    private static string Render(IEnumerable<ItemEvaluation> evaluations) => string.Join("\n", evaluations.Select(e =>
        $"{e.Item.Id} {e.Layer} {string.Join(",", e.Trace.Outcomes)}|{string.Join(",", e.Trace.Stages)}|{string.Join(",", e.Trace.Logic)}|{string.Join(",", e.Trace.Components)} "
        + string.Join(";", e.Gaps.Select(g => $"{g.Code}:{g.Severity}:{g.Fix}:{string.Join(",", g.Suggestions)}"))
        + string.Join(";", e.Diagnostics)));
}
