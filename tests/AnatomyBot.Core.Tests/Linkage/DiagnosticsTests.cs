using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;
using static AnatomyBot.Core.Tests.Linkage.TestAnatomy;

namespace AnatomyBot.Core.Tests.Linkage;

public sealed class DiagnosticsTests
{
    [Fact]
    public void ParentCycle_IsReportedOnEachMember_OthersStillEvaluated()
    {
        var items = new[]
        {
            Ado("1", ItemKind.Feature, "<p>Stage: S-APPLY</p>", parent: "2"),
            Ado("2", ItemKind.Epic, "<p>Outcome: O-UNUSED</p>", parent: "1"),
            Ado("3", ItemKind.Story, "<p>Component: C-KYC-SERVICE</p>", parent: "1"),
            Ado("4", ItemKind.Epic, parent: "4"),
        };

        var results = new LinkageEngine(Create()).Evaluate(items);

        Assert.Contains(results[0].Diagnostics, d => d.Contains("parent cycle", StringComparison.Ordinal) && d.Contains("1 → 2 → 1", StringComparison.Ordinal));
        Assert.Contains(results[1].Diagnostics, d => d.Contains("parent cycle", StringComparison.Ordinal));
        Assert.Empty(results[2].Diagnostics);
        Assert.Equal(["S-APPLY"], results[2].Trace.Stages);
        Assert.Contains(results[3].Diagnostics, d => d.Contains("4 → 4", StringComparison.Ordinal));
        Assert.Equal([GapCodes.NoOutcome], Codes(results[3]));
    }

    [Fact]
    public void ParentIds_AreFoundCaseInsensitively_AlongAChainOfThousands()
    {
        // Ids that differ only in case name the same item; a chain this long exercises the id table's probing.
        var items = Enumerable.Range(0, 5_000)
            .Select(i => Ado($"Item-{i}", ItemKind.Feature, i == 0 ? "<p>Stage: S-PRICE</p>" : "", parent: i == 0 ? null : $"ITEM-{i - 1}"))
            .Append(Ado("item-0", ItemKind.Feature, parent: "nobody"))
            .ToArray();

        var results = new LinkageEngine(Create()).Evaluate(items);

        Assert.All(results.Take(5_000), r => Assert.Equal(["S-PRICE"], r.Trace.Stages));
        Assert.All(results.Take(5_000), r => Assert.Empty(r.Diagnostics));
        Assert.Contains(results[^1].Diagnostics, d => d.Contains("another item with the id `item-0` came first", StringComparison.Ordinal));
        Assert.Contains(results[^1].Diagnostics, d => d.Contains("parent `nobody` is not among the items read", StringComparison.Ordinal));
    }

    [Fact]
    public void MissingParent_IsADiagnostic_NotAnError()
    {
        var result = EvaluateOne(Ado("5", ItemKind.Story, "<p>Component: C-KYC-SERVICE</p>", parent: "404"));

        Assert.Contains(result.Diagnostics, d => d.Contains("`404`", StringComparison.Ordinal));
        Assert.Equal(["S-APPLY"], result.Trace.Stages);
    }

    [Fact]
    public void DuplicateIdsAndMapperDiagnostics_AreReported()
    {
        var first = Ado("6", ItemKind.Epic);
        var second = Ado("6", ItemKind.Epic) with { Diagnostics = ["title truncated"] };

        var results = new LinkageEngine(Create()).Evaluate([first, second]);

        Assert.Empty(results[0].Diagnostics);
        Assert.Equal(2, results[1].Diagnostics.Count);
        Assert.Equal("title truncated", results[1].Diagnostics[0]);
    }

    [Fact]
    public void LongDeepChain_DoesNotOverflow_AndInheritsFromTheTop()
    {
        var items = Enumerable.Range(0, 50_000)
            .Select(i => Ado(i.ToString(System.Globalization.CultureInfo.InvariantCulture), ItemKind.Feature, i == 0 ? "<p>Outcome: O-UNUSED</p><p>Stage: S-APPLY</p>" : "", i == 0 ? null : (i - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToArray();

        var results = new LinkageEngine(Create()).Evaluate(items);

        Assert.Equal(["O-FASTER-ONBOARDING", "O-UNUSED"], results[^1].Trace.Outcomes);
        Assert.All(results, r => Assert.Empty(r.Gaps));
    }

    [Fact]
    public void HostileBodies_ScriptsHugeTitleDeepNesting_EvaluatedWithoutThrowing()
    {
        var items = new[]
        {
            Ado("1", ItemKind.Story, "<script>while(true){}</script><p>Component: C-KYC-SERVICE<p><iframe src=x>"),
            Ado("2", ItemKind.Story, string.Concat(Enumerable.Repeat("<div>", 20_000)) + "Stage: S-APPLY") with { Title = new string('x', 1_000_000) },
            Story("acme/shop#3", new string('[', 100_000) + "\nComponent: C-KYC-SERVICE" + new string('*', 100_000)),
        };

        var results = new LinkageEngine(Create()).Evaluate(items);

        Assert.Equal(["C-KYC-SERVICE"], results[0].Trace.Components);
        Assert.Equal(3, results.Count);
        Assert.Equal(["C-KYC-SERVICE"], results[2].Trace.Components);
    }
}
