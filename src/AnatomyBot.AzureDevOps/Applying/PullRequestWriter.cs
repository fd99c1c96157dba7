using System.Globalization;
using AnatomyBot.AzureDevOps.Reading;
using AnatomyBot.AzureDevOps.Rest;
using AnatomyBot.Core.Reconcile;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.AzureDevOps.Applying;

/// <summary>Writes one pull request's thread and status. An update re-reads the thread first and writes only the part
/// that differs (content, status), and creates a new thread when the old one was deleted.</summary>
internal sealed class PullRequestWriter(AzureDevOpsClient client, PullRequestRef pr, ILogger logger)
{
    public async Task ApplyAsync(string? head, ReconcilePlan plan, CancellationToken cancellationToken)
    {
        switch (plan.Comment.Kind)
        {
            case CommentChangeKind.Create:
                await client.CreateThreadAsync(pr, plan.Comment.Body ?? "", ThreadStatus.For(plan.Comment.Resolved), cancellationToken).ConfigureAwait(false);
                break;
            case CommentChangeKind.Update:
                await UpdateThreadAsync(plan.Comment, cancellationToken).ConfigureAwait(false);
                break;
        }

        if (plan.Check is { } check)
        {
            var iteration = int.TryParse(head, NumberStyles.None, CultureInfo.InvariantCulture, out var planned)
                ? planned
                : await client.GetLatestIterationIdAsync(pr, cancellationToken).ConfigureAwait(false);
            if (iteration is not { } at)
            {
                AzureDevOpsReconcileApplier.Log.Gone(logger, pr.ToString());
                return;
            }

            await client.CreateIterationStatusAsync(pr, at, StatusMapping.State(check.Conclusion), StatusMapping.Description(check), StatusMapping.Context, cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private async Task UpdateThreadAsync(CommentChange change, CancellationToken cancellationToken)
    {
        var body = change.Body ?? "";
        var status = ThreadStatus.For(change.Resolved);
        var ids = (change.ExistingId ?? "").Split('/');
        if (ids.Length != 2 || !int.TryParse(ids[0], CultureInfo.InvariantCulture, out var threadId) || !int.TryParse(ids[1], CultureInfo.InvariantCulture, out var commentId))
        {
            throw new ArgumentException($"'{change.ExistingId}' is not an Azure DevOps thread/comment id.", nameof(change));
        }

        var thread = await client.GetThreadAsync(pr, threadId, cancellationToken).ConfigureAwait(false);
        var comment = thread?.Comments?.FirstOrDefault(c => c.Id == commentId && !c.IsDeleted);
        if (thread is null || thread.IsDeleted || comment is null)
        {
            await client.CreateThreadAsync(pr, body, status, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!string.Equals(comment.Content, body, StringComparison.Ordinal))
        {
            await client.UpdateCommentAsync(pr, threadId, commentId, body, cancellationToken).ConfigureAwait(false);
        }

        if (ThreadStatus.IsResolved(thread.Status) != change.Resolved)
        {
            await client.UpdateThreadStatusAsync(pr, threadId, status, cancellationToken).ConfigureAwait(false);
        }
    }
}
