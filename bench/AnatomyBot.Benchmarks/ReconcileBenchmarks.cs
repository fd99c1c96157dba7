using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;
using AnatomyBot.Core.Reconcile;
using BenchmarkDotNet.Attributes;

namespace AnatomyBot.Benchmarks;

/// <summary>The reconcile step per event: evaluation → desired state (renders comment and check) → plan.
/// Run: <c>dotnet run -c Release --project bench/AnatomyBot.Benchmarks -- --filter *Reconcile* --job short</c>.</summary>
[MemoryDiagnoser]
public class ReconcileBenchmarks
{
    private EnterpriseAnatomy _anatomy = null!;
    private ItemEvaluation _typical = null!;
    private ItemEvaluation _huge = null!;
    private CurrentState _unchanged = null!;

    [GlobalSetup]
    public void Setup()
    {
        Component[] components = [.. Enumerable.Range(0, 3_000).Select(i => new Component
        {
            Id = $"c-{i:D4}", Name = $"Component {i}", Kind = ComponentKind.Workflow, Spec = $"docs/specs/c-{i:D4}.md",
        })];
        _anatomy = new EnterpriseAnatomy(
            [new Outcome { Id = "o-1", Name = "Onboard in one day", Metric = "median time to first transaction", Target = "≤ 1 day" }],
            [new ValueStream { Id = "vs-1", Name = "Onboarding", Stages = [new Stage { Id = "s-1", Name = "Verify", ValueStreamId = "vs-1" }] }],
            [new LogicElement { Id = "l-1", Name = "KYC check", Kind = LogicKind.Rule }],
            components);
        var gap = new Gap(GapCodes.NoWorkItem, GapSeverity.Block, "No work item is linked.", "Add `Fixes #<issue>`.", [new Suggestion("c-0001", 0.8)]);
        _typical = Evaluation(new Trace(["o-1"], ["s-1"], ["l-1"], ["c-0001", "c-0002"]), [gap]);
        _huge = Evaluation(new Trace(["o-1"], ["s-1"], ["l-1"], [.. components.Select(c => c.Id)]), [gap]);
        var desired = DesiredStateBuilder.Build(_typical, _anatomy);
        _unchanged = new CurrentState
        {
            Labels = ["bug", "anatomy:no-work-item"],
            Comment = new ExistingComment("1", desired.Comment!),
            Check = desired.Check,
        };
    }

    [Benchmark(Baseline = true)]
    public ReconcilePlan TypicalPullRequest_NoOp() => ReconcilePlanner.Plan(DesiredStateBuilder.Build(_typical, _anatomy), _unchanged);

    [Benchmark]
    public ReconcilePlan HugePullRequest_Truncated() => ReconcilePlanner.Plan(DesiredStateBuilder.Build(_huge, _anatomy), _unchanged);

    private static ItemEvaluation Evaluation(Trace trace, IReadOnlyList<Gap> gaps) => new()
    {
        Item = new WorkItem { Id = "acme/app#1", Source = ItemSource.GitHub, Kind = ItemKind.PullRequest, Title = "Verify passports <fast>" },
        Layer = Layer.Component,
        Trace = trace,
        Gaps = gaps,
    };
}
