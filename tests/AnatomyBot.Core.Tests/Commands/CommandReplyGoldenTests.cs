using AnatomyBot.Core.Commands;
using AnatomyBot.Core.Tests.Reconcile;
using AnatomyBot.Core.Tests.Support;

namespace AnatomyBot.Core.Tests.Commands;

/// <summary>The bot's reply to each command and each refusal, as golden files (<c>Commands/Golden/*.md</c>).</summary>
public sealed class CommandReplyGoldenTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    public static TheoryData<string, string> Refusals => new()
    {
        { "unknown.md", "/anatomy approve" },
        { "refusal-recheck-arguments.md", "/anatomy recheck please" },
        { "refusal-link-no-layer.md", "/anatomy link c-kyc-service" },
        { "refusal-link-unknown-element.md", "/anatomy link component:c-ledger" },
        { "refusal-link-wrong-layer.md", "/anatomy link component:s-verify" },
        { "refusal-waive-no-date.md", "/anatomy waive no-component because the spec follows" },
        { "refusal-waive-bad-date.md", "/anatomy waive no-component until 31/12/2026 because the spec follows" },
        { "refusal-waive-past-date.md", "/anatomy waive no-component until 2026-11-30 because the spec follows" },
        { "refusal-waive-over-maximum.md", "/anatomy waive no-component until 2027-03-15 because the spec follows" },
        { "refusal-waive-unknown-gap.md", "/anatomy waive no-compnent until 2026-12-31 because the spec follows" },
        { "refusal-waive-no-reason.md", "/anatomy waive no-component until 2026-12-31" },
        { "refusal-unwaive-no-gap.md", "/anatomy unwaive" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Decide_Refused_ReplyMatchesTheGoldenFile(string golden, string line)
    {
        var (command, reply) = CommandGate.Decide(Assert.Single(CommentCommands.Parse(line)), ReconcileFixtures.Anatomy, Today);

        Assert.Null(command);
        GoldenFiles.AssertMatches("Commands", golden, reply!);
    }

    [Theory]
    [InlineData("/anatomy recheck")]
    [InlineData("/anatomy explain")]
    [InlineData("/anatomy link component:c-audit-log")]
    [InlineData("/anatomy waive no-component until 2027-03-01 because the spec follows in Q1")]
    [InlineData("/anatomy waive * until 2026-12-01 because the last day counts")]
    [InlineData("/anatomy unwaive no-component")]
    public void Decide_WellFormed_ReadyWithoutReply(string line)
    {
        var (command, reply) = CommandGate.Decide(Assert.Single(CommentCommands.Parse(line)), ReconcileFixtures.Anatomy, Today);

        Assert.Null(reply);
        Assert.Equal(line, command!.Text);
    }

    [Fact]
    public void Decide_NoAnatomy_OnlyRecheckAndExplainRun()
    {
        Assert.NotNull(CommandGate.Decide(CommentCommands.Parse("/anatomy explain")[0], null, Today).Command);
        GoldenFiles.AssertMatches("Commands", "refusal-no-anatomy.md", CommandGate.Decide(CommentCommands.Parse("/anatomy link component:c-audit-log")[0], null, Today).Reply!);
    }

    [Fact]
    public void Replies_Done_MatchTheGoldenFiles()
    {
        var blocked = ReconcileFixtures.BlockedPullRequest();
        var link = CommentCommands.Parse("/anatomy link component:c-kyc-service")[0].Command!;
        var waive = CommentCommands.Parse("/anatomy waive no-component until 2026-12-31 because Spike; the *spec* follows in Q1")[0].Command!;
        var unwaive = CommentCommands.Parse("/anatomy unwaive no-component")[0].Command!;

        GoldenFiles.AssertMatches("Commands", "recheck.md", CommandReplies.Rechecked(blocked));
        GoldenFiles.AssertMatches("Commands", "explain.md", CommandReplies.Explain(blocked, ReconcileFixtures.Anatomy));
        GoldenFiles.AssertMatches("Commands", "link.md", CommandReplies.Linked(link, "acme/onboarding#12", azureDevOps: false, ReconcileFixtures.GreenPullRequest()));
        GoldenFiles.AssertMatches("Commands", "link-which.md", CommandReplies.WhichItem(link, ["acme/onboarding#12", "acme/onboarding#13"]));
        GoldenFiles.AssertMatches("Commands", "waive.md", CommandReplies.Waived(waive, "acme/onboarding#45", "alice"));
        GoldenFiles.AssertMatches("Commands", "unwaive.md", CommandReplies.Unwaived(unwaive, "acme/onboarding#45", hadWaiver: true));
        GoldenFiles.AssertMatches("Commands", "unwaive-none.md", CommandReplies.Unwaived(unwaive, "acme/onboarding#45", hadWaiver: false));
    }

    [Fact]
    public void Replies_NotAllowed_MatchTheGoldenFiles()
    {
        var link = CommentCommands.Parse("/anatomy link component:c-kyc-service")[0].Command!;
        var waive = CommentCommands.Parse("/anatomy waive no-component until 2026-12-31 because spike")[0].Command!;

        GoldenFiles.AssertMatches("Commands", "refusal-link-permission.md", CommandReplies.NotAllowed(link, "mallory", CommandReplies.Who(link.Permission, [], azureDevOps: false)));
        GoldenFiles.AssertMatches("Commands", "refusal-waive-permission.md", CommandReplies.NotAllowed(waive, "mallory", CommandReplies.Who(waive.Permission, ["@acme/architects", "carol"], azureDevOps: false)));
        GoldenFiles.AssertMatches("Commands", "refusal-waive-permission-ado.md", CommandReplies.NotAllowed(waive, "Mallory Doe", CommandReplies.Who(waive.Permission, [], azureDevOps: true)));
        GoldenFiles.AssertMatches("Commands", "refusal-waive-permission-ado-named.md", CommandReplies.NotAllowed(waive, "mallory@fabrikam.example", CommandReplies.Who(waive.Permission, ["arch@fabrikam.example"], azureDevOps: true)));
        GoldenFiles.AssertMatches("Commands", "refusal-link-permission-ado.md", CommandReplies.NotAllowed(link, "mallory@fabrikam.example", CommandReplies.Who(link.Permission, ["arch@fabrikam.example"], azureDevOps: true)));
        GoldenFiles.AssertMatches("Commands", "refusal-link-permission-ado-work-item.md", CommandReplies.NotAllowed(link, "mallory@fabrikam.example", CommandReplies.Who(link.Permission, ["arch@fabrikam.example"], azureDevOps: true, "work item")));
    }

    [Fact]
    public void IsBotComment_RepliesAndTheStickyReport_AreTheBots()
    {
        Assert.True(CommandReplies.IsBotComment(CommandReplies.Unknown("/anatomy x")));
        Assert.True(CommandReplies.IsBotComment("<!-- anatomybot:trace -->\n/anatomy recheck"));
        Assert.False(CommandReplies.IsBotComment("/anatomy recheck"));
    }
}
