using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Reconcile;

namespace AnatomyBot.Core.Tests.Reconcile;

/// <summary>Property-style checks over many random states, seeded so a failure is reproducible from its seed.</summary>
public sealed class ReconcilePlannerPropertyTests
{
    private static readonly string[] Foreign = ["bug", " Needs Review ", "anatomy:exempt", "ANATOMY:custom", "team:blue", "anatomy:"];
    private static readonly string[] Bodies = ["a", "a\r\n", "b", "<!-- anatomybot:trace -->\nx"];

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 1; seed <= 500; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Plan_AnyState_IsIdempotentAndMinimal(int seed)
    {
        var random = new Random(seed);
        var desired = RandomDesired(random);
        var current = RandomCurrent(random);

        var first = ReconcilePlanner.Plan(desired, current);
        var after = ReconcilePlanner.Simulate(current, first);
        var second = ReconcilePlanner.Plan(desired, after);

        Assert.True(second.IsEmpty, $"seed {seed}: second plan not empty");
        Assert.Equal(current.Labels.Where(l => !OwnedLabels.IsOwned(l)), after.Labels.Where(l => !OwnedLabels.IsOwned(l)));
        Assert.Equal(
            desired.OwnedLabels.Select(OwnedLabels.Canonical).Order(StringComparer.Ordinal),
            after.Labels.Where(OwnedLabels.IsOwned).Select(OwnedLabels.Canonical).Distinct().Order(StringComparer.Ordinal));
        Assert.All(first.LabelsToAdd, l => Assert.DoesNotContain(current.Labels, c => OwnedLabels.IsOwned(c) && OwnedLabels.Canonical(c) == l));
        Assert.All(first.LabelsToRemove, l => Assert.Contains(l, current.Labels));
        if (current.Comment is not null && desired.Comment is null)
        {
            Assert.Equal(current.Comment, after.Comment);
        }
    }

    private static DesiredState RandomDesired(Random random) => new()
    {
        OwnedLabels = GapCodes.All.Where(_ => random.Next(3) == 0).Select(c => Cased(random, GapCodes.ToLabel(c))).ToHashSet(),
        Comment = random.Next(4) == 0 ? null : Bodies[random.Next(Bodies.Length)],
        CommentResolved = random.Next(2) == 0,
        CommentOnlyIfExisting = random.Next(5) == 0,
        Check = random.Next(4) == 0 ? null : RandomCheck(random),
    };

    private static CurrentState RandomCurrent(Random random)
    {
        var labels = new List<string>();
        for (var i = random.Next(8); i > 0; i--)
        {
            labels.Add(random.Next(2) == 0
                ? Foreign[random.Next(Foreign.Length)]
                : Cased(random, " anatomy:" + GapCodes.All[random.Next(GapCodes.All.Count)]));
        }

        return new CurrentState
        {
            Labels = labels,
            Comment = random.Next(3) == 0 ? null : new ExistingComment("7", Bodies[random.Next(Bodies.Length)], random.Next(2) == 0),
            Check = random.Next(3) == 0 ? null : RandomCheck(random),
        };
    }

    private static CheckState RandomCheck(Random random) =>
        new((CheckConclusion)random.Next(4), random.Next(2) == 0 ? "t" : "u", Bodies[random.Next(Bodies.Length)]);

    private static string Cased(Random random, string label) =>
        random.Next(2) == 0 ? label : label.ToUpperInvariant();
}
