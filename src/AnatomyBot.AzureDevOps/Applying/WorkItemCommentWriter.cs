using System.Globalization;
using AnatomyBot.AzureDevOps.Reading;
using AnatomyBot.AzureDevOps.Rest;
using AnatomyBot.Core.Reconcile;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.AzureDevOps.Applying;

/// <summary>Writes a work item's sticky discussion comment (Markdown): edits it in place, or creates it. Nothing
/// serialises writes to one work item (deliveries run in parallel, on several instances when Functions scale out), and
/// after a start the bot's identity is known only once it has written something, so after creating its comment the
/// bot's own comments are listed again and only the oldest is kept, with this text; every other one of its own is
/// deleted. Racing workers all converge on that one comment. Comments by anyone else are never edited or deleted.</summary>
internal sealed class WorkItemCommentWriter(AzureDevOpsClient client, int workItemId, AzureDevOpsBotIdentity identity, ILogger logger)
{
    public async Task ApplyAsync(CommentChange change, CancellationToken cancellationToken)
    {
        var body = change.Body ?? "";
        switch (change.Kind)
        {
            case CommentChangeKind.Create:
                await CreateAsync(body, cancellationToken).ConfigureAwait(false);
                break;
            case CommentChangeKind.Update:
                if (!int.TryParse(change.ExistingId, NumberStyles.None, CultureInfo.InvariantCulture, out var commentId))
                {
                    throw new ArgumentException($"'{change.ExistingId}' is not an Azure DevOps comment id.", nameof(change));
                }

                // Deleted by a person since it was read: the item gets its comment again.
                if (await client.UpdateWorkItemCommentAsync(workItemId, commentId, body, cancellationToken).ConfigureAwait(false) is null)
                {
                    await CreateAsync(body, cancellationToken).ConfigureAwait(false);
                }

                break;
        }
    }

    private async Task CreateAsync(string body, CancellationToken cancellationToken)
    {
        var created = await client.AddWorkItemCommentAsync(workItemId, body, cancellationToken).ConfigureAwait(false);
        if (created is null)
        {
            AzureDevOpsReconcileApplier.Log.Gone(logger, workItemId.ToString(CultureInfo.InvariantCulture));
            return;
        }

        identity.Learn(created.CreatedBy?.Id);
        var (listed, _) = await WorkItemComments.ListOwnAsync(client, identity, workItemId, firstOnly: false, cancellationToken).ConfigureAwait(false);
        var mine = listed.Where(c => c.Id != created.Id).Append(created).OrderBy(c => c.Id).ToList();
        if (mine.Count == 1)
        {
            return;
        }

        foreach (var extra in mine.Skip(1))
        {
            await client.DeleteWorkItemCommentAsync(workItemId, extra.Id, cancellationToken).ConfigureAwait(false);
        }

        var kept = mine[0];
        if (!string.Equals(kept.Text, body, StringComparison.Ordinal))
        {
            await client.UpdateWorkItemCommentAsync(workItemId, kept.Id, body, cancellationToken).ConfigureAwait(false);
        }
    }
}
