using AnatomyBot.Core.Digest;
using AnatomyBot.Core.Digest.Rendering;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Policy;
using AnatomyBot.Core.Tests.Support;
using static AnatomyBot.Core.Tests.Digest.DigestFixture;

namespace AnatomyBot.Core.Tests.Digest;

/// <summary>One week holding every way work leaves the backlog: a GitHub merge with a full trace, a GitHub merge past the
/// check, an Azure DevOps pull request completed with a full trace, and a GitHub issue closed with gaps. The ledger holds
/// what the lifecycle handlers record (the verdict at closure, the platform's merge time, gaps closed with their item);
/// each item appears where it belongs and nowhere else.</summary>
public sealed class LifecycleDigestGoldenTests
{
    private static readonly StoredEvaluation MergedTraced =
        Gh("contoso/onboarding#30", ItemKind.PullRequest, "Add eligibility rules", Layer.Component, T(["O-FAST"], ["ST-APPLY"], ["L-ELIG"], ["C-RULES"]), Nov(23));

    private static readonly StoredEvaluation MergedPastCheck =
        Gh("contoso/onboarding#31", ItemKind.PullRequest, "Hotfix KYC timeout", Layer.Component, T(["O-FAST"], ["ST-VERIFY"], [], ["C-KYC"]), Nov(24), ("no-work-item", GapSeverity.Block));

    private static readonly StoredEvaluation CompletedOnBoards =
        Ado("onboarding/web!77", ItemKind.PullRequest, "Activation workflow", Layer.Component, T(["O-FAST"], ["ST-ACTIVATE"], ["L-ACT"], ["C-ACCOUNT"]), Nov(23));

    private static readonly StoredEvaluation ClosedIssue =
        Gh("contoso/onboarding#32", ItemKind.Story, "Welcome e-mail", Layer.Stage, T(["O-FAST"], ["ST-ACTIVATE"]), Nov(10), ("no-component", GapSeverity.Warn));

    private static readonly StoredEvaluation FixedStory =
        Gh("contoso/onboarding#33", ItemKind.Story, "KYC provider integration", Layer.Component, T(["O-FAST"], ["ST-VERIFY"], [], ["C-KYC"]), Nov(23));

    [Fact]
    public void Render_WeekWithMergesCompletionAndClosure_MatchesGoldenFile()
    {
        var markdown = DigestMarkdownRenderer.Render(Build());

        GoldenFiles.AssertMatches("Digest", "lifecycle-week.github.md", markdown);
    }

    [Fact]
    public void Build_WeekWithMergesCompletionAndClosure_PlacesEachItemWhereItBelongs()
    {
        var digest = Build();

        var merged = digest.Headline.Single(f => f.Label.StartsWith("Pull requests merged", StringComparison.Ordinal));
        Assert.Equal((2, 3), (merged.Linked, merged.Total));
        Assert.Equal(["contoso/onboarding#31"], digest.EscapedPullRequests.Select(p => p.Item.Id));
        Assert.Empty(digest.Attention);
        var week = digest.Trend.Single(p => p.Week == Week);
        Assert.Equal((2, 1, 2), (week.Opened, week.Closed, week.ClosedWithItem));
    }

    private static WeeklyDigest Build()
    {
        // Each item as first evaluated while open, then as recorded when it merged, completed or closed.
        var fixedLater = FixedStory with { Gaps = new Dictionary<string, GapSeverity> { ["no-component"] = GapSeverity.Warn } };
        (StoredEvaluation Open, StoredEvaluation Now)[] lives =
        [
            (MergedTraced, MergedTraced with { IsOpen = false, MergedAt = Nov(24), EvaluatedAt = Nov(24) }),
            (MergedPastCheck, MergedPastCheck with { IsOpen = false, MergedAt = Nov(25), EvaluatedAt = Nov(25) }),
            (CompletedOnBoards, CompletedOnBoards with { IsOpen = false, MergedAt = Nov(26), EvaluatedAt = Nov(26) }),
            (ClosedIssue with { EvaluatedAt = Nov(10) }, ClosedIssue with { IsOpen = false, EvaluatedAt = Nov(27) }),
            (fixedLater, FixedStory with { EvaluatedAt = Nov(26) }),
        ];
        var events = lives
            .SelectMany(l => GapTransitions.Between(null, l.Open).Concat(GapTransitions.Between(l.Open, l.Now)))
            .ToList();
        return DigestBuilder.Build(Request(), [.. lives.Select(l => l.Now)], events);
    }
}
