using System.Text.Json;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;
using AnatomyBot.Core.Reconcile;

namespace AnatomyBot.Core.Tests.Reconcile;

public sealed class OutboxApplierTests
{
    private static readonly ReconcileTarget Target = new(ItemSource.GitHub, "acme/onboarding#45", ItemKind.PullRequest, "abc123");

    [Fact]
    public async Task Apply_FullPlan_WritesCommentCheckAndPlan()
    {
        var sink = new FakeSink();
        var desired = DesiredStateBuilder.Build(ReconcileFixtures.BlockedPullRequest(), ReconcileFixtures.Anatomy);
        var plan = ReconcilePlanner.Plan(desired, new CurrentState { Labels = ["bug"] });

        await new OutboxApplier(sink, ItemSource.GitHub).ApplyAsync(Target, plan, CancellationToken.None);

        Assert.Equal(
            ["github/acme-onboarding-45.comment.md", "github/acme-onboarding-45.check.md", "github/acme-onboarding-45.plan.json"],
            sink.Written.Select(w => w.Name));
        Assert.Equal(desired.Comment, sink.Written[0].Content);
        Assert.Equal(desired.Check!.Summary, sink.Written[1].Content);
        using var json = JsonDocument.Parse(sink.Written[2].Content);
        var root = json.RootElement;
        Assert.Equal("github", root.GetProperty("source").GetString());
        Assert.Equal("pull-request", root.GetProperty("kind").GetString());
        Assert.Equal("abc123", root.GetProperty("head").GetString());
        Assert.Equal(3, root.GetProperty("writes").GetInt32());
        Assert.Equal(["bug", "anatomy:no-component", "anatomy:no-work-item", "anatomy:unknown-ref"],
            root.GetProperty("labels").GetProperty("after").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("create", root.GetProperty("comment").GetProperty("action").GetString());
        Assert.Equal("failure", root.GetProperty("check").GetProperty("conclusion").GetString());
        Assert.Equal("github/acme-onboarding-45.check.md", root.GetProperty("check").GetProperty("artifact").GetString());
    }

    [Fact]
    public async Task Apply_EmptyPlan_WritesOnlyThePlanSayingSo()
    {
        var sink = new FakeSink();
        var target = new ReconcileTarget(ItemSource.AzureDevOps, "1207", ItemKind.Story);

        await new OutboxApplier(sink, ItemSource.AzureDevOps).ApplyAsync(target, new ReconcilePlan(), CancellationToken.None);

        var (name, content) = Assert.Single(sink.Written);
        Assert.Equal("azure-devops/1207.plan.json", name);
        using var json = JsonDocument.Parse(content);
        Assert.True(json.RootElement.GetProperty("empty").GetBoolean());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("check").ValueKind);
        Assert.Equal("none", json.RootElement.GetProperty("comment").GetProperty("action").GetString());
    }

    [Fact]
    public async Task Apply_OtherPlatformsTarget_IsRejectedBeforeWriting()
    {
        var sink = new FakeSink();

        await Assert.ThrowsAsync<ArgumentException>(() =>
            new OutboxApplier(sink, ItemSource.AzureDevOps).ApplyAsync(Target, new ReconcilePlan(), CancellationToken.None));
        Assert.Empty(sink.Written);
    }

    [Theory]
    [InlineData("../../etc/passwd", "github/-..-etc-passwd")]
    [InlineData("owner/repo#7", "github/owner-repo-7")]
    public void ArtifactStem_NeverEscapesTheOutbox(string id, string expected)
    {
        Assert.Equal(expected, OutboxApplier.ArtifactStem(new ReconcileTarget(ItemSource.GitHub, id, ItemKind.PullRequest)));
    }

    private sealed class FakeSink : IOutboxSink
    {
        public List<(string Name, string Content)> Written { get; } = [];

        public Task WriteAsync(string name, string content, CancellationToken cancellationToken)
        {
            Written.Add((name, content));
            return Task.CompletedTask;
        }
    }
}
