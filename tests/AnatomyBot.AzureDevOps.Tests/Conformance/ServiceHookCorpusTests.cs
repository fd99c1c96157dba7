using System.Text;
using AnatomyBot.AzureDevOps.Commands;
using AnatomyBot.AzureDevOps.Configuration;
using AnatomyBot.AzureDevOps.Events;
using AnatomyBot.AzureDevOps.Ingress;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using AnatomyBot.Testing.Conformance;

namespace AnatomyBot.AzureDevOps.Tests.Conformance;

/// <summary>Every published service-hook sample (current docs and the 2018 copy) is accepted by the ingress and its
/// subject is read without error; nothing is copied into this repository.</summary>
public sealed class ServiceHookCorpusTests
{
    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var file in ConformanceCorpus.Files("azure-devops/service-hooks", "*.json", SearchOption.AllDirectories))
        {
            data.Add(Path.GetRelativePath(ConformanceCorpus.Root!, file));
        }

        if (data.Count == 0)
        {
            data.Add("");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void PublishedSample_IsAcceptedAndRouted(string relative)
    {
        Assert.SkipWhen(relative.Length == 0, "The conformance corpus is not in this checkout.");

        var body = File.ReadAllBytes(Path.Combine(ConformanceCorpus.Root!, relative));
        var ingress = new AzureDevOpsWebhookIngress(Options.Create(new AzureDevOpsOptions { WebhookSecret = "x" }), NullLogger<AzureDevOpsWebhookIngress>.Instance);
        var headers = new Dictionary<string, string> { ["Authorization"] = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("hook:x")) };

        var result = ingress.Accept(headers, body, DateTimeOffset.UnixEpoch);

        var eventType = Path.GetFileNameWithoutExtension(relative);
        if (!AzureDevOpsEventTypes.IsSupported(eventType))
        {
            Assert.Equal(200, result.StatusCode);
            return;
        }

        Assert.Equal(202, result.StatusCode);
        Assert.Equal(eventType, result.Delivery!.EventName);
        Assert.True(NotificationSubjectReader.TryRead(eventType, result.Delivery.Body, out var subject, out var error), error);
        switch (subject)
        {
            case WorkItemSubject w:
                Assert.Equal(5, w.WorkItemId);
                Assert.Equal(eventType == AzureDevOpsEventTypes.WorkItemDeleted, w.Deleted);
                break;
            case PullRequestSubject p:
                Assert.Equal(1, p.PullRequest.PullRequestId);
                Assert.NotEmpty(p.PullRequest.RepositoryId);
                break;
            case PushSubject push:
                var update = Assert.Single(push.RefUpdates);
                Assert.StartsWith("refs/heads/", update.Name, StringComparison.Ordinal);
                Assert.False(string.IsNullOrEmpty(update.OldObjectId) || string.IsNullOrEmpty(update.NewObjectId));
                Assert.Equal(update.Name, push.DefaultBranch);
                Assert.NotEmpty(push.RepositoryId);
                break;
            default:
                Assert.Fail($"unexpected subject {subject}");
                break;
        }
    }

    [Fact]
    public void WorkItemCommentedSample_NamesTheWorkItemAndTheRevisionTheCommentMade()
    {
        var file = ConformanceCorpus.Files("azure-devops/service-hooks", "workitem.commented.json").FirstOrDefault();
        Assert.SkipWhen(file is null, "The conformance corpus is not in this checkout.");

        Assert.True(CommentNotificationReader.TryReadWorkItemComment(File.ReadAllText(file), out var workItemId, out var revision));
        Assert.Equal((5, 4), (workItemId, revision));
        Assert.False(CommentNotificationReader.TryReadWorkItemComment("""{"resource":{"id":5}}""", out _, out _));
        Assert.False(CommentNotificationReader.TryReadWorkItemComment("""{"resource":{"id":"5","rev":4}}""", out _, out _));
        Assert.False(CommentNotificationReader.TryReadWorkItemComment("""{"resource":[]}""", out _, out _));
        Assert.False(CommentNotificationReader.TryReadWorkItemComment("{", out _, out _));
        Assert.False(CommentNotificationReader.TryReadWorkItemComment("[1]", out _, out _));
    }

    [Fact]
    public void PullRequestCommentSample_NamesTheCommentAndItsThread()
    {
        var file = ConformanceCorpus.Files("azure-devops/service-hooks", "ms.vss-code.git-pullrequest-comment-event.json").FirstOrDefault();
        Assert.SkipWhen(file is null, "The conformance corpus is not in this checkout.");

        Assert.True(CommentNotificationReader.TryReadThreadComment(File.ReadAllText(file), out var threadId, out var commentId));
        Assert.Equal((5, 2), (threadId, commentId));
        Assert.False(CommentNotificationReader.TryReadThreadComment("""{"resource":{"comment":{"id":2}}}""", out _, out _));
        Assert.False(CommentNotificationReader.TryReadThreadComment("""{"resource":{"comment":{"id":2,"_links":{"threads":{"href":"https://x/threads/abc"}}}}}""", out _, out _));
        Assert.False(CommentNotificationReader.TryReadThreadComment("[1]", out _, out _));
    }

    [Fact]
    public void PullRequestCommentSample_NamesTheCommentsAuthorAndText()
    {
        var file = ConformanceCorpus.Files("azure-devops/service-hooks", "ms.vss-code.git-pullrequest-comment-event.json").FirstOrDefault();
        Assert.SkipWhen(file is null, "The conformance corpus is not in this checkout.");

        Assert.True(CommentNotificationReader.TryReadThreadCommentAuthor(File.ReadAllText(file), out var authorId, out var content));
        Assert.Equal(("11bb11bb-cc22-dd33-ee44-55ff55ff55ff", "This is my comment."), (authorId, content));
        Assert.False(CommentNotificationReader.TryReadThreadCommentAuthor("""{"resource":{"comment":{"id":2,"content":"x"}}}""", out _, out _));
        Assert.False(CommentNotificationReader.TryReadThreadCommentAuthor("""{"resource":{"comment":{"author":{"id":7},"content":"x"}}}""", out _, out _));
        Assert.False(CommentNotificationReader.TryReadThreadCommentAuthor("[1]", out _, out _));
    }

    [Fact]
    public void Corpus_WhenPresent_HoldsTheUpdateShapeWithWorkItemIdZero()
    {
        var file = ConformanceCorpus.Files("azure-devops/service-hooks/vsts-docs-2018", "workitem.updated.json").FirstOrDefault();
        Assert.SkipWhen(file is null, "The conformance corpus is not in this checkout.");

        Assert.True(NotificationSubjectReader.TryRead("workitem.updated", File.ReadAllText(file), out var subject, out _));
        Assert.Equal(new WorkItemSubject(5, false), subject);
    }
}
