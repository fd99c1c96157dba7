using System.Globalization;
using AnatomyBot.AzureDevOps.Reading;
using AnatomyBot.AzureDevOps.Rest;
using AnatomyBot.Core.Reconcile;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.AzureDevOps.Applying;

/// <summary>Writes one pull request's thread and status. An update re-reads the thread first and writes only the part
/// that differs (content, status), and creates a new thread when the old one was deleted.</summary>
internal sealed class PullRequestWriter(AzureDevOpsClient client, PullRequestRef pr, AzureDevOpsBotIdentity identity, ILogger logger)
{
    public async Task ApplyAsync(string? head, ReconcilePlan plan, CancellationToken cancellationToken)
    {
        switch (plan.Comment.Kind)
        {
            case CommentChangeKind.Create:
                await CreateThreadAsync(plan.Comment.Body ?? "", ThreadStatus.For(plan.Comment.Resolved), cancellationToken).ConfigureAwait(false);
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

            var posted = await client.CreateIterationStatusAsync(pr, at, StatusMapping.State(check.Conclusion), StatusMapping.Description(check), StatusMapping.Context, cancellationToken)
                .ConfigureAwait(false);
            identity.Learn(posted?.CreatedBy?.Id);
        }
    }

    /// <summary>Creates the bot's thread. Nothing serialises writes to one pull request (deliveries are processed in
    /// parallel, on several instances when Functions scale out), so another worker may have created its thread at the same
    /// moment: the bot's threads are listed again and only the oldest is kept, with this content and status; the bot
    /// comment of each other one is deleted. Racing workers all converge on that one thread. The created thread's author is
    /// the bot's identity (<see cref="AzureDevOpsBotIdentity"/>): only threads it started count as its own.</summary>
    private async Task CreateThreadAsync(string body, string status, CancellationToken cancellationToken)
    {
        var created = await client.CreateThreadAsync(pr, body, status, cancellationToken).ConfigureAwait(false);
        identity.Learn(created.Comments is [var opening, ..] ? opening.Author?.Id : null);
        var threads = await client.GetThreadsAsync(pr, cancellationToken).ConfigureAwait(false);
        var mine = AzureDevOpsSnapshotReader.BotThreads(threads, identity).ToList();
        if (mine.Count <= 1)
        {
            return;
        }

        foreach (var (extra, comment) in mine.Skip(1))
        {
            await client.DeleteCommentAsync(pr, extra.Id, comment.Id, cancellationToken).ConfigureAwait(false);
        }

        var (kept, first) = mine[0];
        if (kept.Id == created.Id)
        {
            return;
        }

        if (!string.Equals(first.Content, body, StringComparison.Ordinal))
        {
            await client.UpdateCommentAsync(pr, kept.Id, first.Id, body, cancellationToken).ConfigureAwait(false);
        }

        if (ThreadStatus.IsResolved(kept.Status) != ThreadStatus.IsResolved(status))
        {
            await client.UpdateThreadStatusAsync(pr, kept.Id, status, cancellationToken).ConfigureAwait(false);
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
            await CreateThreadAsync(body, status, cancellationToken).ConfigureAwait(false);
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
