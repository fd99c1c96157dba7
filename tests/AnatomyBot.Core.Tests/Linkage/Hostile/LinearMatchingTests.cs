using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using static AnatomyBot.Core.Tests.Linkage.TestAnatomy;

namespace AnatomyBot.Core.Tests.Linkage.Hostile;

/// <summary>Text crafted to make a backtracking matcher run for minutes: every pattern over user text and every anatomy
/// glob must finish on it with the right answer, and never throw.</summary>
public sealed class LinearMatchingTests
{
    private static readonly string LongUrlRun = string.Concat(Enumerable.Repeat("http://a", 8000)) + " #1";

    [Fact]
    public void LinkedWorkItems_LongRunOfUrlStarts_FindsTheMentionAfterIt()
    {
        var pr = Pr("acme/shop#50", LongUrlRun);

        Assert.Equal(["acme/shop#1"], ReferenceExtractor.LinkedWorkItems(pr));
    }

    [Fact]
    public void LinkedWorkItems_LongRunOfUrlStartsInTheTitle_FindsTheMentionAfterIt()
    {
        var pr = Pr("acme/shop#50", "") with { Title = LongUrlRun };

        Assert.Equal(["acme/shop#1"], ReferenceExtractor.LinkedWorkItems(pr));
    }

    [Fact]
    public void LinkedWorkItems_LongWordWithoutSlash_FindsTheMentionAfterIt()
    {
        var pr = Pr("acme/shop#50", new string('a', 60_000) + " Fixes #2 and AB#3");

        Assert.Equal(["3", "acme/shop#2"], ReferenceExtractor.LinkedWorkItems(pr));
    }

    [Fact]
    public void LinkedWorkItems_LineOver64KiB_IsCutBeforeMatching()
    {
        var pr = Pr("acme/shop#50", "#4 " + new string('x', 70_000) + " #5\n#6");

        Assert.Equal(["acme/shop#4", "acme/shop#6"], ReferenceExtractor.LinkedWorkItems(pr));
    }

    [Theory]
    [InlineData("*a*a*a*a*a*a*a*b")]
    [InlineData("**/a/**/a/**/a/**/b")]
    public void PathGlob_NestedWildcards_AnswersOnALongPathWithoutThrowing(string pattern)
    {
        var glob = new PathGlob(pattern);
        var segments = pattern.Contains('/', StringComparison.Ordinal)
            ? string.Join('/', Enumerable.Repeat("a", 3000))
            : new string('a', 30_000);

        Assert.False(glob.IsMatch(segments));
        Assert.True(glob.IsMatch(segments + (pattern.Contains('/', StringComparison.Ordinal) ? "/b" : "b")));
    }

    [Fact]
    public void Evaluate_PathGlobOnAHostilePath_GivesAVerdict()
    {
        var anatomy = Create();
        anatomy = new EnterpriseAnatomy(
            anatomy.Outcomes, anatomy.ValueStreams, anatomy.Logic,
            [.. anatomy.Components.Select(c => c.Id == "C-AUDIT-LOG" ? c with { Paths = ["*a*a*a*a*a*a*a*b"] } : c)]);
        var pr = Pr("acme/shop#50", "") with { ChangedPaths = [new string('a', 30_000), new string('a', 30_000) + "b"] };

        var result = EvaluateOne(pr, anatomy);

        Assert.Equal(["C-AUDIT-LOG"], result.Trace.Components);
    }
}
